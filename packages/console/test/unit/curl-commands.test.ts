import { describe, expect, it } from 'vitest';
import { loginCurl, shellQuote, tokenCurl } from '../../src/api/curl-commands';

const server = 'https://portcullis.example/base';

describe('the commands the console gives people to paste', () => {
  it('quotes every value so the shell expands nothing in it, quotes included', () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote(`it's $HOME`)).toBe(`'it'\\''s $HOME'`);
  });

  it('exchanges a client id and secret at the server’s token endpoint, one option a line', () => {
    expect(tokenCurl(server, 'sa_1', "pcs_a'b").split(' \\\n  ')).toEqual([
      "curl -X POST 'https://portcullis.example/base/oauth/token'",
      "--data-urlencode 'grant_type=client_credentials'",
      "--data-urlencode 'client_id=sa_1'",
      `--data-urlencode 'client_secret=pcs_a'\\''b'`,
    ]);
  });

  it('signs in with a key pair at POST /v2/login with a JSON body', () => {
    expect(loginCurl(server, 'AK1', 'sk"2').split(' \\\n  ')).toEqual([
      "curl -X POST 'https://portcullis.example/base/v2/login'",
      "-H 'content-type: application/json'",
      `--data '{"accessKey":"AK1","secretKey":"sk\\"2"}'`,
    ]);
  });
});
