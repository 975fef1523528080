// Generated from the server's OpenAPI document by `npm run generate:api -w @portcullis/console`. Do not edit.

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check
         * @description For load balancers and orchestrators, no credentials: 200 `{"status": "ok"}` while the database answers a query, 503 `{"status": "unavailable"}` when it does not.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "unavailable";
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * JSON Web Key Set of the token signing keys
         * @description The public keys that sign access tokens (RFC 7517): the current key, the next one (published before it signs) and retired ones until the tokens they signed expire. Resource servers verify tokens offline against them and fetch them again on an unknown `kid`; caches may keep the answer five minutes.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: ({
                                kid: string;
                                kty: string;
                                alg: string;
                                use: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-authorization-server": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Authorization server metadata (RFC 8414)
         * @description Where the endpoints are and what they support: the issuer, the token, introspection and revocation endpoints, the JWKS, grant types, client authentication methods and signing algorithms. OAuth libraries configure themselves from it.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issuer: string;
                            token_endpoint: string;
                            jwks_uri: string;
                            introspection_endpoint: string;
                            revocation_endpoint: string;
                            scopes_supported: string[];
                            grant_types_supported: string[];
                            response_types_supported: string[];
                            token_endpoint_auth_methods_supported: string[];
                            introspection_endpoint_auth_methods_supported: string[];
                            revocation_endpoint_auth_methods_supported: string[];
                            /** @description Extension: algorithms of the keys in the JWKS that sign access tokens (RFC 9068). */
                            access_token_signing_alg_values_supported: string[];
                            service_documentation: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/openid-configuration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The same metadata, for OpenID libraries
         * @description The RFC 8414 metadata again, where OpenID Connect libraries look for it. Portcullis issues access tokens to clients only: there are no ID tokens and no sign-in flows for end users here.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            issuer: string;
                            token_endpoint: string;
                            jwks_uri: string;
                            introspection_endpoint: string;
                            revocation_endpoint: string;
                            scopes_supported: string[];
                            grant_types_supported: string[];
                            response_types_supported: string[];
                            token_endpoint_auth_methods_supported: string[];
                            introspection_endpoint_auth_methods_supported: string[];
                            revocation_endpoint_auth_methods_supported: string[];
                            /** @description Extension: algorithms of the keys in the JWKS that sign access tokens (RFC 9068). */
                            access_token_signing_alg_values_supported: string[];
                            service_documentation: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange client credentials for an access token
         * @description The client-credentials grant (RFC 6749 §4.4), form-encoded. The client authenticates with `client_id` and `client_secret` in the form, or with HTTP Basic (id and secret, each form-encoded, RFC 6749 §2.3.1), not both. The token is an RFC 9068 JWT with the permissions of the user the service account acts through in the account (`account`, else its only one, else the default account), narrowed by `scope`; `audience` (or `resource`) names the API it is for, and without one it is for this API. Errors follow RFC 6749 §5.2: `invalid_client` is a 401 with `WWW-Authenticate`; a service account tied to no user is `unauthorized_client`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "grant_type": "client_credentials",
                     *       "client_id": "sa_…",
                     *       "client_secret": "pcs_…",
                     *       "audience": "https://api.acme.example"
                     *     }
                     */
                    "application/x-www-form-urlencoded": {
                        /** @description client_credentials */
                        grant_type?: string;
                        /** @description client_secret_post: the service account id */
                        client_id?: string;
                        /** @description client_secret_post: the secret */
                        client_secret?: string;
                        /** @description Audience of the token; defaults to the issuer. */
                        audience?: string;
                        /** @description RFC 8707 resource indicator; used as the audience when audience is absent. */
                        resource?: string;
                        /** @description Space-separated resource:action permissions to narrow the token to. */
                        scope?: string;
                        /** @description Account id or name to act in. Default: the only one, else the default account. */
                        account?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            expires_in: number;
                            /** @description The permissions the token carries (RFC 6749 §5.1), as its `scope` claim has them: the canonical form, then each platform permission spelled out while the claim stays within the server's budget. */
                            scope: string;
                        };
                    };
                };
                /** @description RFC 6749 §5.2 error response. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description RFC 6749 §5.2 error response. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description RFC 6749 §5.2 error response. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description RFC 6749 §5.2 error response. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token introspection (RFC 7662): live active and scope
         * @description Whether a token is active now (RFC 7662), judged on live state rather than on the token alone: revocations, the credential and its user, the organization's switch; `scope` is what the token may still do. For resource servers that hold `portcullis.introspection:run`, authenticating as a client (Basic, or `client_id` and `client_secret` in the form) or with a Bearer token for this API.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "token": "eyJ…",
                     *       "client_id": "sa_…",
                     *       "client_secret": "pcs_…"
                     *     }
                     */
                    "application/x-www-form-urlencoded": {
                        token: string;
                        token_type_hint?: string;
                        client_id?: string;
                        client_secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            /** @description The token's scope ∩ what the credential may do now. */
                            scope?: string;
                            client_id?: string;
                            sub?: string;
                            aud?: string | string[];
                            iss?: string;
                            exp?: number;
                            iat?: number;
                            jti?: string;
                            token_type?: string;
                            org_id?: string;
                            account_id?: string;
                        };
                    };
                };
                /** @description RFC 6749 §5.2 error response. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description RFC 6749 §5.2 error response. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description RFC 6749 §5.2 error response. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Token revocation (RFC 7009)
         * @description A client revokes an access token it holds, authenticating as itself (Basic, or `client_id` and `client_secret` in the form); resource servers learn of it from the revocation feed. A token that does not verify or belongs to another client is answered 200 all the same and left alone (RFC 7009 §2.2).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "token": "eyJ…",
                     *       "client_id": "sa_…",
                     *       "client_secret": "pcs_…"
                     *     }
                     */
                    "application/x-www-form-urlencoded": {
                        token: string;
                        token_type_hint?: string;
                        client_id?: string;
                        client_secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description RFC 6749 §5.2 error response. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
                /** @description RFC 6749 §5.2 error response. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string;
                            error_description?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Revocation feed: revoked tokens and per-subject not-before times (long-poll, or event stream)
         * @description With `Accept: text/event-stream`: server-sent events named `revocation`, each carrying one event below as JSON and its feed position as id; a reconnecting client resumes with Last-Event-ID.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The cursor of the previous answer; absent to start from the oldest event kept. */
                    after?: string;
                    /** @description Long-poll seconds. */
                    wait?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            events: {
                                id: string;
                                kind: "token" | "subject";
                                /** @description kind=token: this token is revoked. */
                                jti?: string;
                                /** @description kind=subject: tokens of this subject… */
                                subject?: string;
                                /** @description …issued (iat) before this Unix second are void. */
                                notBefore?: number;
                                reason: string;
                                /** @description void: the tokens are dead; recheck: their claims may be stale. Verifiers without live state reject both. */
                                effect: "void" | "recheck";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            cursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an access key pair for an access token
         * @description The login Firefly's clients use: `{accessKey, secretKey}` from `POST /api/v1/users/me/access-keys` → `{accessToken, expiresAt, tokenType}`. Underneath it is the client-credentials grant with every rule of `POST /oauth/token`. Every refusal is a 401, as those clients expect (a wrong Content-Type stays 415, a rate limit 429); the audit log keeps the real reason.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "accessKey": "sa_…",
                     *       "secretKey": "pcs_…"
                     *     }
                     */
                    "application/json": {
                        /** @description User's access key */
                        accessKey: string;
                        /** @description User's secret key */
                        secretKey: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            /** @description Unix seconds. */
                            expiresAt: number;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Health check of the access-key login API
         * @description 204 with no body, which is what Firefly's clients check. It does not ask the database; `GET /health` does.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in as a person and receive an API access token
         * @description A login's email and password → `{accessToken, expiresAt, tokenType}`. Send the token as `Authorization: Bearer …` to the `/api/v1` operations (in this reference: press Authorize and paste it). You act in the default account with your user's roles there; an organization admin holds everything. A wrong email or password is 401 `invalid_credentials`; repeated failures lock the login for a while (429 `too_many_attempts`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "email": "admin@acme.example",
                     *       "password": "your current password"
                     *     }
                     */
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            /** @description Unix seconds. */
                            expiresAt: number;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I: your login, organization, user and permissions now
         * @description Your session as the console draws itself from it: your login, your organization, your user in the default account (null without one) with its roles, and `permissions`, every `resource:action` you hold now (the console disables what you lack). Read again on every call, so a role granted or taken shows at once. With the session cookie it also answers a fresh `csrfToken`, so a reloaded page can go on making changes. A service account's token or credentials have no session: 403 `permission_denied`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            login: {
                                id: string;
                                email: string;
                                name: string;
                                isOrganizationAdmin: boolean;
                                isPlatformOperator: boolean;
                            };
                            organization: {
                                id: string;
                                name: string;
                                displayName: string;
                                programmaticAccessAvailable: boolean;
                                programmaticAccessEnabled: boolean;
                            };
                            /** @description Your user in the default account, where a session acts; null without one. */
                            user: {
                                id: string;
                                accountId: string;
                                name: string;
                                roleIds: string[];
                            } | null;
                            /** @description Every single `resource:action` you hold now in the default account, in catalog order (an organization admin holds every one). */
                            permissions: string[];
                            /** @description Unix seconds. */
                            expiresAt: number;
                            /** @description Sessions of the cookie only: a fresh CSRF token. Send it as `x-csrf-token` with every POST, PUT, PATCH and DELETE made with the session cookie. */
                            csrfToken?: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in in a browser: the session goes into an HttpOnly cookie
         * @description For the web console. The same email and password, limits and lockouts as `POST /api/v1/auth/login`, but the session token is set as the cookie `portcullis_session` (HttpOnly, SameSite=Strict, Secure over HTTPS) and left out of the answer, which describes you as `GET /api/v1/auth/session` does, with a `csrfToken`. Send it as `x-csrf-token` with every POST, PUT, PATCH and DELETE made with the session cookie. A wrong email or password is 401 `invalid_credentials` and sets no cookie. Scripts keep using `POST /api/v1/auth/login` and Bearer tokens.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "email": "admin@acme.example",
                     *       "password": "your current password"
                     *     }
                     */
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            login: {
                                id: string;
                                email: string;
                                name: string;
                                isOrganizationAdmin: boolean;
                                isPlatformOperator: boolean;
                            };
                            organization: {
                                id: string;
                                name: string;
                                displayName: string;
                                programmaticAccessAvailable: boolean;
                                programmaticAccessEnabled: boolean;
                            };
                            /** @description Your user in the default account, where a session acts; null without one. */
                            user: {
                                id: string;
                                accountId: string;
                                name: string;
                                roleIds: string[];
                            } | null;
                            /** @description Every single `resource:action` you hold now in the default account, in catalog order (an organization admin holds every one). */
                            permissions: string[];
                            /** @description Unix seconds. */
                            expiresAt: number;
                            /** @description Sessions of the cookie only: a fresh CSRF token. Send it as `x-csrf-token` with every POST, PUT, PATCH and DELETE made with the session cookie. */
                            csrfToken?: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        /**
         * Sign out in a browser: end this session and clear its cookie
         * @description Ends the session it is called with, on every node, as `POST /api/v1/auth/logout` does, and clears the cookie `portcullis_session`. With the cookie it needs the session's CSRF token in `x-csrf-token`. The same cookie sent again is 401.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List service accounts: filter by name and enabled, sort, cursor pagination
         * @description Needs `portcullis.service_accounts:list`. The organization's service accounts, never their secrets; `name` matches a case-insensitive substring. Pass the answer's `nextCursor` as `cursor` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                    /** @description Case-insensitive substring; % _ and \ match themselves. */
                    name?: string;
                    enabled?: boolean;
                    sort?: "createdAt" | "-createdAt" | "name" | "-name";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-0"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a service account: name, description, network policy, admin flag, valid-to
         * @description Needs `portcullis.service_accounts:create`; attaching a network policy needs `portcullis.service_accounts:update` too, as attaching it later does. The answer's `id` is the OAuth `client_id`. A new service account can do nothing yet: generate its secret (`POST …/{id}/secrets`) and tie it to a user in an account (`POST /api/v1/users` with `serviceAccountId`); it then does exactly what that user may do. `isOrganizationAdmin` gives it everything in every account and needs an organization admin acting with all their rights. A `validTo` must lie in the future (`valid_to_in_past`); the organization's `maxCredentialLifetimeDays` binds only its members' personal credentials, not service accounts.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "nightly-etl",
                     *       "description": "loads the warehouse"
                     *     }
                     */
                    "application/json": {
                        /** @description Unique in the organization. */
                        name: string;
                        description?: string;
                        /** @description Only an organization admin acting with all their rights may set it. */
                        isOrganizationAdmin?: boolean;
                        /** @description Needs portcullis.service_accounts:update too. */
                        networkPolicyId?: string;
                        /** @description YYYY-MM-DDTHH:mm[:ss] read in timezone, or an instant with Z or an offset; in the future. */
                        validTo?: string;
                        /** @description IANA zone validTo is read in (such as Europe/Berlin); default UTC. Only with validTo. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Also the OAuth client_id. */
                            id: string;
                            name: string;
                            description: string;
                            isOrganizationAdmin: boolean;
                            /** @description A platform resource server: introspection and the revocation feed of every organization. */
                            platformIntrospection: boolean;
                            enabled: boolean;
                            networkPolicyId: string | null;
                            /** @description UTC. */
                            validTo: string | null;
                            /** @description Valid-to as entered, in timezone. */
                            validToLocal: string | null;
                            /** @description IANA zone valid-to was entered in. */
                            timezone: string | null;
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a service account
         * @description Needs `portcullis.service_accounts:get`. Another organization's service account is a 404, as if it did not exist.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Also the OAuth client_id. */
                            id: string;
                            name: string;
                            description: string;
                            isOrganizationAdmin: boolean;
                            /** @description A platform resource server: introspection and the revocation feed of every organization. */
                            platformIntrospection: boolean;
                            enabled: boolean;
                            networkPolicyId: string | null;
                            /** @description UTC. */
                            validTo: string | null;
                            /** @description Valid-to as entered, in timezone. */
                            validToLocal: string | null;
                            /** @description IANA zone valid-to was entered in. */
                            timezone: string | null;
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a service account (refused while users are tied to it)
         * @description Needs `portcullis.service_accounts:delete`. While users are tied to it the answer is 409 `service_account_linked`, naming them: unlink or delete them first. Its tokens stop at once, through introspection and the revocation feed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a service account: name, description, admin flag, enabled, network policy, valid-to
         * @description Needs `portcullis.service_accounts:update`. Disabling it stops its tokens at once; an earlier `validTo` makes revocation-feed followers recheck them, and one not in the future is `valid_to_in_past`. `validTo` is read in `timezone` (default UTC) unless it carries an offset. `isOrganizationAdmin` needs an organization admin, `platformIntrospection` the platform operator.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "description": "loads the warehouse every night",
                     *       "validTo": "2099-12-31T23:59",
                     *       "timezone": "Europe/Berlin"
                     *     }
                     */
                    "application/json": {
                        name?: string;
                        description?: string;
                        isOrganizationAdmin?: boolean;
                        /** @description Platform operators only; see docs/revocation.md. */
                        platformIntrospection?: boolean;
                        enabled?: boolean;
                        networkPolicyId?: string | null;
                        /** @description YYYY-MM-DDTHH:mm[:ss] read in timezone, or an instant with Z or an offset; in the future. null clears it. */
                        validTo?: string | null;
                        /** @description IANA zone validTo is read in (such as Europe/Berlin); default UTC. Only with validTo. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Also the OAuth client_id. */
                            id: string;
                            name: string;
                            description: string;
                            isOrganizationAdmin: boolean;
                            /** @description A platform resource server: introspection and the revocation feed of every organization. */
                            platformIntrospection: boolean;
                            enabled: boolean;
                            networkPolicyId: string | null;
                            /** @description UTC. */
                            validTo: string | null;
                            /** @description Valid-to as entered, in timezone. */
                            validToLocal: string | null;
                            /** @description IANA zone valid-to was entered in. */
                            timezone: string | null;
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/service-accounts/{id}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Secret metadata (never the secret): prefix, status, created, expires, last used; oldest first
         * @description Needs `portcullis.service_accounts:get`. Enough to tell the secrets apart and see which one a script still uses; the secret itself was shown once, when it was generated.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                displayPrefix: string;
                                status: "active" | "expiring" | "expired" | "revoked";
                                /** Format: date-time */
                                createdAt: string;
                                createdBy: string | null;
                                expiresAt: string | null;
                                revokedAt: string | null;
                                lastUsedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Generate a new secret; the previous one stops working at once, or after gracePeriodSeconds
         * @description Needs `portcullis.service_accounts:update` and at least what the service account may do. The answer is the only place `clientSecret` ever appears: Portcullis keeps a keyed hash. The previous secret stops at once, or after `gracePeriodSeconds` (at most 7 days), so an integration can switch without downtime. The body may be left out.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "gracePeriodSeconds": 3600
                     *     }
                     */
                    "application/json": {
                        /** @description Keep the previous secret working this long. */
                        gracePeriodSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            /** @description Shown once. Portcullis keeps only a keyed hash. */
                            clientSecret: string;
                            secretId: string;
                            displayPrefix: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-accounts/{id}/secrets/{secretId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one secret
         * @description Needs `portcullis.service_accounts:update`. The secret stops working at once, and so does every token the service account holds, since a token does not say which secret obtained it: a client that still has a valid secret fetches a new token.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    secretId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users, in creation order
         * @description Needs `portcullis.users:list`. Pass the answer's `nextCursor` as `cursor` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-1"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a user, optionally tied to a service account (one per account)
         * @description Needs `portcullis.users:create` and every permission of the roles granted. A user lives in one account (`accountId`, default: the default account), holds that account's roles and is tied to a login (`loginId`) or a service account (`serviceAccountId`), never both. A service account has at most one user per account and acts through it, with exactly its rights, now and later.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "etl",
                     *       "serviceAccountId": "sa_…",
                     *       "roleIds": [
                     *         "role_…"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        accountId?: string;
                        loginId?: string;
                        serviceAccountId?: string;
                        roleIds?: string[];
                        defaultDatabase?: string;
                        defaultEngine?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            name: string;
                            loginId: string | null;
                            serviceAccountId: string | null;
                            roleIds: string[];
                            active: boolean;
                            defaultDatabase: string | null;
                            defaultEngine: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user with its roles
         * @description Needs `portcullis.users:get`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            name: string;
                            loginId: string | null;
                            serviceAccountId: string | null;
                            roleIds: string[];
                            active: boolean;
                            defaultDatabase: string | null;
                            defaultEngine: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a user
         * @description Needs `portcullis.users:delete`. Credentials acting through the user stop at once: a service account tied to it and the personal credentials of its person in this account.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit a user: name, default context, linked service account, active
         * @description Needs `portcullis.users:update`. `serviceAccountId` links a service account (or `null` unlinks it); linking or reactivating needs at least the rights handed on. Deactivating stops every credential acting through the user at once.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "defaultDatabase": "warehouse"
                     *     }
                     */
                    "application/json": {
                        active?: boolean;
                        name?: string;
                        defaultDatabase?: string | null;
                        defaultEngine?: string | null;
                        /** @description Link (id) or unlink (null). */
                        serviceAccountId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            name: string;
                            loginId: string | null;
                            serviceAccountId: string | null;
                            roleIds: string[];
                            active: boolean;
                            defaultDatabase: string | null;
                            defaultEngine: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/roles/{roleId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Grant a role to a user (you must hold every permission in it)
         * @description Needs `portcullis.users:update` and every permission of the role. The user's credentials gain it at once.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    roleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            name: string;
                            loginId: string | null;
                            serviceAccountId: string | null;
                            roleIds: string[];
                            active: boolean;
                            defaultDatabase: string | null;
                            defaultEngine: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /**
         * Revoke a role from a user
         * @description Needs `portcullis.users:update`. The user's credentials lose it at once; tokens already issued are judged again by introspection and the revocation feed.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    roleId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            name: string;
                            loginId: string | null;
                            serviceAccountId: string | null;
                            roleIds: string[];
                            active: boolean;
                            defaultDatabase: string | null;
                            defaultEngine: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List roles, in creation order (the built-in roles first)
         * @description Needs `portcullis.roles:list`. The built-in Admin (`*:*`) and Read only (`*:get *:list`), then your organization's own.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-2"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a custom role (within your own permissions)
         * @description Needs `portcullis.roles:create`, and every permission in it must be yours: nobody grants what they do not hold. Permissions are `resource:action` with `*` on either side (`GET /api/v1/catalog` lists them); the answer keeps them in their shortest form.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "incident-reader",
                     *       "description": "reads incidents and their findings",
                     *       "permissions": [
                     *         "incidents:get",
                     *         "incidents:list",
                     *         "findings:list"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        description?: string;
                        /** @description `resource:action` items; `*` on either side (`incidents:*`, `*:list`, `*:*`). */
                        permissions: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @description Canonical (shortest) form. */
                            permissions: string[];
                            builtin: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a role
         * @description Needs `portcullis.roles:get`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @description Canonical (shortest) form. */
                            permissions: string[];
                            builtin: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a custom role
         * @description Needs `portcullis.roles:delete`. The built-in roles stay. Its holders lose it at once, with their credentials.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a custom role; holders and their credentials are affected at once
         * @description Needs `portcullis.roles:update`, and added permissions must be yours. The built-in roles cannot change. Every user holding the role, and every credential acting through them, has the new permissions at once.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "permissions": [
                     *         "incidents:get",
                     *         "incidents:list"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name?: string;
                        description?: string;
                        /** @description `resource:action` items; `*` on either side (`incidents:*`, `*:list`, `*:*`). */
                        permissions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @description Canonical (shortest) form. */
                            permissions: string[];
                            builtin: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The permission catalog
         * @description Any signed-in caller. The resources and actions a permission may name (`resource:action`): the platform's resources from configuration, and Portcullis's own administrative ones (`portcullis.*`).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: string[];
                            resources: {
                                id: string;
                                name: string;
                                administrative: boolean;
                            }[];
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client-credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your personal client credentials
         * @description Needs `portcullis.client_credentials:list`. Only your own; never their secrets. Pass `nextCursor` as `cursor` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-3"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a personal client credential acting as you, within your permissions
         * @description Needs `portcullis.client_credentials:create` and a user in the account. A client id and secret that act as you, granted `preset` (`read_only` or `admin`) plus `permissions`, all within what you hold now; without either it has exactly your rights. It shrinks when you are downgraded and stops when your user goes. A `validTo` is read in `timezone` (UTC if none) and must lie in the future (`valid_to_in_past`). Where the organization sets `maxCredentialLifetimeDays`, a `validTo` is required (`valid_to_required`) and may lie at most that many days ahead (`valid_to_beyond_maximum`); both refusals give `details.maximumDays` and `details.latest`, the latest valid-to allowed. The answer is the only place the secret appears.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "weekly-report",
                     *       "description": "Monday digest",
                     *       "validTo": "2099-12-31T18:00",
                     *       "timezone": "Europe/Berlin",
                     *       "preset": "read_only",
                     *       "permissions": [
                     *         "incidents:run"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        description?: string;
                        preset?: "admin" | "read_only";
                        /** @description `resource:action` items; `*` on either side (`incidents:*`, `*:list`, `*:*`). */
                        permissions?: string[];
                        /** @description YYYY-MM-DDTHH:mm[:ss] read in timezone, or an instant with Z or an offset; in the future. */
                        validTo?: string;
                        /** @description IANA zone validTo is read in (such as Europe/Berlin); default UTC. Only with validTo. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            clientId: string;
                            /** @description Shown once. */
                            clientSecret: string;
                            name: string;
                            description: string;
                            /** @description Granted permissions, canonical form. */
                            permissions: string[];
                            /** @description UTC. */
                            validTo: string | null;
                            /** @description Valid-to as entered, in timezone. */
                            validToLocal: string | null;
                            /** @description IANA zone valid-to was entered in. */
                            timezone: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/client-credentials/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your client credentials
         * @description Needs `portcullis.client_credentials:get`. Another person's is a 404.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            enabled: boolean;
                            permissions: string[];
                            /** @description UTC. */
                            validTo: string | null;
                            /** @description Valid-to as entered, in timezone. */
                            validToLocal: string | null;
                            /** @description IANA zone valid-to was entered in. */
                            timezone: string | null;
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete your client credential
         * @description Needs `portcullis.client_credentials:delete`. It stops at once, with its tokens.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Edit your client credential (new permissions must lie within yours)
         * @description Needs `portcullis.client_credentials:update`. Disabling it stops its tokens at once; an earlier `validTo` makes revocation-feed followers recheck them, and one not in the future is `valid_to_in_past`. Where the organization sets `maxCredentialLifetimeDays`, clearing the `validTo` is `valid_to_required` and moving it further ahead than that is `valid_to_beyond_maximum`; an edit that leaves it alone is not checked. New permissions must lie within what you hold now.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "description": "sends the Monday report"
                     *     }
                     */
                    "application/json": {
                        name?: string;
                        description?: string;
                        enabled?: boolean;
                        preset?: "admin" | "read_only";
                        /** @description `resource:action` items; `*` on either side (`incidents:*`, `*:list`, `*:*`). */
                        permissions?: string[];
                        /** @description YYYY-MM-DDTHH:mm[:ss] read in timezone, or an instant with Z or an offset; in the future. null clears it. */
                        validTo?: string | null;
                        /** @description IANA zone validTo is read in (such as Europe/Berlin); default UTC. Only with validTo. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            enabled: boolean;
                            permissions: string[];
                            /** @description UTC. */
                            validTo: string | null;
                            /** @description Valid-to as entered, in timezone. */
                            validToLocal: string | null;
                            /** @description IANA zone valid-to was entered in. */
                            timezone: string | null;
                            lastUsedAt: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/client-credentials/{id}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New secret for your client credential (the old one stops, or after a grace period)
         * @description Needs `portcullis.client_credentials:update`. The answer is the only place the new secret appears; the old one stops at once, or after `gracePeriodSeconds`. The body may be left out.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "gracePeriodSeconds": 3600
                     *     }
                     */
                    "application/json": {
                        gracePeriodSeconds?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            clientId: string;
                            clientSecret: string;
                            secretId: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Operator: list organizations, in creation order
         * @description The platform operator only. Pass `nextCursor` as `cursor` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-4"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Operator: create an organization (programmatic access unavailable unless stated)
         * @description The platform operator only. Creates the organization with its default account and built-in roles, and with `admin` its first organization admin. Programmatic access stays unavailable to it unless `programmaticAccessAvailable` says otherwise.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "globex",
                     *       "displayName": "Globex",
                     *       "programmaticAccessAvailable": true,
                     *       "admin": {
                     *         "email": "admin@globex.example",
                     *         "name": "Globex admin",
                     *         "password": "replace with a password of your own"
                     *       }
                     *     }
                     */
                    "application/json": {
                        name: string;
                        displayName?: string;
                        programmaticAccessAvailable?: boolean;
                        /** @description The first organization admin. */
                        admin?: {
                            email: string;
                            name: string;
                            password: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            displayName: string;
                            /** @description Set by the platform operator. */
                            programmaticAccessAvailable: boolean;
                            /** @description Set by the organization admin. */
                            programmaticAccessEnabled: boolean;
                            networkPolicyId: string | null;
                            allowedAudiences: string[] | null;
                            tokenTtlSeconds: number | null;
                            /** @description The most days a member's client credential or key pair may last, counted from when it is created or its valid-to edited: with one set, those need a valid-to no later than that (`valid_to_required`, `valid_to_beyond_maximum`). Organization service accounts are not bound by it. Lowering it shortens no credential that exists. Null: no maximum. */
                            maxCredentialLifetimeDays: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organizations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Operator: make programmatic access available, or withdraw it
         * @description The platform operator only. Withdrawn, the organization's credentials stop at once and their management answers 403; nothing is deleted, and making it available again restores them.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "programmaticAccessAvailable": true
                     *     }
                     */
                    "application/json": {
                        displayName?: string;
                        programmaticAccessAvailable?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            displayName: string;
                            /** @description Set by the platform operator. */
                            programmaticAccessAvailable: boolean;
                            /** @description Set by the organization admin. */
                            programmaticAccessEnabled: boolean;
                            networkPolicyId: string | null;
                            allowedAudiences: string[] | null;
                            tokenTtlSeconds: number | null;
                            /** @description The most days a member's client credential or key pair may last, counted from when it is created or its valid-to edited: with one set, those need a valid-to no later than that (`valid_to_required`, `valid_to_beyond_maximum`). Organization service accounts are not bound by it. Lowering it shortens no credential that exists. Null: no maximum. */
                            maxCredentialLifetimeDays: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/organization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's organization
         * @description Needs `portcullis.organization:get`. Its settings, the two programmatic-access switches among them.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            displayName: string;
                            /** @description Set by the platform operator. */
                            programmaticAccessAvailable: boolean;
                            /** @description Set by the organization admin. */
                            programmaticAccessEnabled: boolean;
                            networkPolicyId: string | null;
                            allowedAudiences: string[] | null;
                            tokenTtlSeconds: number | null;
                            /** @description The most days a member's client credential or key pair may last, counted from when it is created or its valid-to edited: with one set, those need a valid-to no later than that (`valid_to_required`, `valid_to_beyond_maximum`). Organization service accounts are not bound by it. Lowering it shortens no credential that exists. Null: no maximum. */
                            maxCredentialLifetimeDays: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Organization settings: the Programmatic Access toggle, display name, network policy, credential lifetime
         * @description Needs `portcullis.organization:update`. `programmaticAccessEnabled` is the Programmatic Access toggle: off, every credential of the organization stops and its management answers 403, nothing deleted; turning it back on needs an organization admin. Also the organization's network policy, the audiences tokens may be issued for, their lifetime, and `maxCredentialLifetimeDays`, the most days members' client credentials and key pairs may last (organization service accounts are not bound by it; lowering it shortens no credential that exists). Each change is an `organization.updated` audit event.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "programmaticAccessEnabled": true
                     *     }
                     */
                    "application/json": {
                        displayName?: string;
                        /** @description The Programmatic Access toggle. */
                        programmaticAccessEnabled?: boolean;
                        networkPolicyId?: string | null;
                        /** @description Audiences tokens may be issued for besides the issuer; null: the server default. */
                        allowedAudiences?: string[] | null;
                        /** @description Access-token lifetime; null: the server default. */
                        tokenTtlSeconds?: number | null;
                        /** @description The most days a member's client credential or key pair may last, counted from when it is created or its valid-to edited: with one set, those need a valid-to no later than that (`valid_to_required`, `valid_to_beyond_maximum`). Organization service accounts are not bound by it. Lowering it shortens no credential that exists. Null: no maximum. */
                        maxCredentialLifetimeDays?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            displayName: string;
                            /** @description Set by the platform operator. */
                            programmaticAccessAvailable: boolean;
                            /** @description Set by the organization admin. */
                            programmaticAccessEnabled: boolean;
                            networkPolicyId: string | null;
                            allowedAudiences: string[] | null;
                            tokenTtlSeconds: number | null;
                            /** @description The most days a member's client credential or key pair may last, counted from when it is created or its valid-to edited: with one set, those need a valid-to no later than that (`valid_to_required`, `valid_to_beyond_maximum`). Organization service accounts are not bound by it. Lowering it shortens no credential that exists. Null: no maximum. */
                            maxCredentialLifetimeDays: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/network-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List network policies, in creation order
         * @description Needs `portcullis.network_policies:list`. Pass `nextCursor` as `cursor` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-5"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a network policy
         * @description Needs `portcullis.network_policies:create`. IPv4 and IPv6 addresses and CIDR ranges, stored in canonical form; within a policy a blocked match beats an allowed one. Attach it to the organization (`PATCH /api/v1/organization`), a login or a service account; the organization's policy is checked first, and where it does not allow an address the login's or service account's own decides.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "office-only",
                     *       "description": "the office and the VPN",
                     *       "allowed": [
                     *         "203.0.113.0/24",
                     *         "2001:db8::/48"
                     *       ],
                     *       "blocked": [
                     *         "203.0.113.7"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name: string;
                        description?: string;
                        /** @description IPv4/IPv6 addresses and CIDR ranges. */
                        allowed?: string[];
                        /** @description IPv4/IPv6 addresses and CIDR ranges. */
                        blocked?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            allowed: string[];
                            blocked: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/network-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a network policy and where it is attached
         * @description Needs `portcullis.network_policies:get`. `attachedTo` names what the policy applies to: the organization, logins (by email) and service accounts (by name); a change applies to all of them at once.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            allowed: string[];
                            blocked: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            attachedTo: {
                                /** @description The organization's own policy. */
                                organization: boolean;
                                logins: {
                                    id: string;
                                    email: string;
                                }[];
                                serviceAccounts: {
                                    id: string;
                                    name: string;
                                }[];
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a network policy (refused while attached unless cascade=true)
         * @description Needs `portcullis.network_policies:delete`. While attached it is refused with 409, unless `cascade=true` detaches it everywhere first.
         */
        delete: {
            parameters: {
                query?: {
                    /** @description Detach it everywhere first (Firebolt CASCADE). */
                    cascade?: boolean;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a network policy
         * @description Needs `portcullis.network_policies:update`. Applies at once wherever it is attached.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "blocked": [
                     *         "203.0.113.7",
                     *         "203.0.113.8"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        name?: string;
                        description?: string;
                        /** @description IPv4/IPv6 addresses and CIDR ranges. */
                        allowed?: string[];
                        /** @description IPv4/IPv6 addresses and CIDR ranges. */
                        blocked?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            allowed: string[];
                            blocked: string[];
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit events, newest first, filtered, with cursor pagination
         * @description With several filters a page reads at most a fixed number of events, so it may hold fewer than `limit` items (even none) and still have a `nextCursor`: follow it until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Actor id (login or service account). */
                    actor?: string;
                    /** @description Target object id. */
                    target?: string;
                    /** @description Exact action, or a prefix ending in * (token.*). */
                    action?: string;
                    result?: "success" | "failure";
                    /** @description Inclusive. */
                    from?: string;
                    /** @description Exclusive. */
                    to?: string;
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-6"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every matching audit event as NDJSON (one JSON object per line)
         * @description Needs `portcullis.audit_log:list`. The same filters as the list, the whole trail as a download, newest first. Exports are read at a pace that leaves token issuance its speed. Sent gzip-encoded (`Content-Encoding: gzip`) when `Accept-Encoding` allows it (`curl --compressed`).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Actor id (login or service account). */
                    actor?: string;
                    /** @description Target object id. */
                    target?: string;
                    /** @description Exact action, or a prefix ending in * (token.*). */
                    action?: string;
                    result?: "success" | "failure";
                    /** @description Inclusive. */
                    from?: string;
                    /** @description Exclusive. */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description NDJSON */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": string;
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/x-ndjson": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List accounts, in creation order (the default account first)
         * @description Needs `portcullis.accounts:list`. Pass `nextCursor` as `cursor` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-7"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an account
         * @description Needs `portcullis.accounts:create`. A workspace with users of its own; a token request names it with `account`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "staging"
                     *     }
                     */
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            isDefault: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an account
         * @description Needs `portcullis.accounts:get`.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            isDefault: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete an empty, non-default account
         * @description Needs `portcullis.accounts:delete`. The default account stays (`default_account_immutable`), and an account with users is refused (`account_not_empty`) until they are deleted.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename an account
         * @description Needs `portcullis.accounts:update`. Token requests that name the account by its old name stop finding it.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "name": "staging-eu"
                     *     }
                     */
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            isDefault: boolean;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/logins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List logins, in creation order
         * @description Needs `portcullis.logins:list`. The people of your organization, one page at a time: pass the answer's `nextCursor` as `cursor` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-8"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a login, and with it their user in the default account if asked
         * @description Needs `portcullis.logins:create`. A person who signs in with this email and password. With `user` (a name and roles), their user in the default account is made in the same request — that needs `portcullis.users:create` and roles within what the caller holds — and the answer names it in `user`; without it they can do nothing until a user ties them to an account with roles (`POST /api/v1/users` with `loginId`). Only an organization admin may create another one (`isOrganizationAdmin`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "email": "analyst@acme.example",
                     *       "name": "Ana Lyst",
                     *       "password": "replace with a password of your own"
                     *     }
                     */
                    "application/json": {
                        email: string;
                        name: string;
                        password: string;
                        isOrganizationAdmin?: boolean;
                        /** @description Also create the person's user in the default account, holding these roles: needs portcullis.users:create and every permission of the roles. */
                        user?: {
                            /** @description Unique in the account. */
                            name: string;
                            roleIds?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            isOrganizationAdmin: boolean;
                            active: boolean;
                            networkPolicyId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description The user made with the login, when one was asked for. */
                            user: {
                                id: string;
                                accountId: string;
                                name: string;
                                roleIds: string[];
                            } | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/logins/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a login
         * @description Needs `portcullis.logins:get`. Never includes the password or its hash.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            isOrganizationAdmin: boolean;
                            active: boolean;
                            networkPolicyId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a login and its users
         * @description Needs `portcullis.logins:delete`. Its users go with it, and with them every personal credential acting through them; its sessions end.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Rename, make or unmake admin, attach a network policy, deactivate
         * @description Needs `portcullis.logins:update`. `active: false` stops the person at once: their sessions end and their personal credentials stop working. Making someone an organization admin needs an organization admin; handing rights back (reactivating) needs at least the rights handed on.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "networkPolicyId": "np_…"
                     *     }
                     */
                    "application/json": {
                        name?: string;
                        isOrganizationAdmin?: boolean;
                        networkPolicyId?: string | null;
                        /** @description false stops the person and their credentials at once. */
                        active?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            email: string;
                            name: string;
                            isOrganizationAdmin: boolean;
                            active: boolean;
                            networkPolicyId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/logins/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set (reset) a login's password
         * @description Needs `portcullis.logins:update` and at least the rights of the person. Their sessions end on every node. Your own password is changed with `PUT /api/v1/auth/password`, which asks for the current one.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "password": "replace with a password of your own"
                     *     }
                     */
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change your own password; every session of yours ends, and a fresh one is answered
         * @description Needs your current password. Every session of yours ends, on every node, and the answer is a fresh session token to go on with.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "currentPassword": "your current password",
                     *       "newPassword": "replace with a password of your own"
                     *     }
                     */
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            /** @description Unix seconds. */
                            expiresAt: number;
                            /** @enum {string} */
                            tokenType: "Bearer";
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: end this session, or with allSessions every session of yours
         * @description Ends the session whose token calls it; with `{"allSessions": true}`, every session of yours, on every node. The body may be left out.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "allSessions": false
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description true ends every session of yours, on every device; otherwise only this one.
                         * @default false
                         */
                        allSessions?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/access-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your access keys (never the secret keys)
         * @description Needs `portcullis.client_credentials:list`. Only your own. Pass `nextCursor` as `cursor` until it is null.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Items per page. */
                    limit?: number;
                    /** @description The nextCursor of the previous page. */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                accessKey: string;
                                description: string;
                                /** @description UTC. */
                                validTo: string | null;
                                /** @description Valid-to as entered, in timezone. */
                                validToLocal: string | null;
                                /** @description IANA zone valid-to was entered in. */
                                timezone: string | null;
                                lastUsedAt: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an access key pair acting as you (for POST /v2/login and Basic auth)
         * @description Needs `portcullis.client_credentials:create` and a user in the account. The pair acts with exactly your rights, now and later, and stops when your user goes. Exchange it at `POST /v2/login`, or send it as HTTP Basic. A `validTo` is read in `timezone` (UTC if none) and must lie in the future (`valid_to_in_past`). Where the organization sets `maxCredentialLifetimeDays`, a `validTo` is required (`valid_to_required`) and may lie at most that many days ahead (`valid_to_beyond_maximum`); both refusals give `details.maximumDays` and `details.latest`, the latest valid-to allowed. The answer is the only place `secretKey` appears.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "description": "terraform on my laptop"
                     *     }
                     */
                    "application/json": {
                        description?: string;
                        /** @description YYYY-MM-DDTHH:mm[:ss] read in timezone, or an instant with Z or an offset; in the future. */
                        validTo?: string;
                        /** @description IANA zone validTo is read in (such as Europe/Berlin); default UTC. Only with validTo. */
                        timezone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessKey: string;
                            /** @description Shown once. */
                            secretKey: string;
                            /** @description UTC. */
                            validTo: string | null;
                            /** @description Valid-to as entered, in timezone. */
                            validToLocal: string | null;
                            /** @description IANA zone valid-to was entered in. */
                            timezone: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/access-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete one of your access keys
         * @description Needs `portcullis.client_credentials:delete`. It stops at once, with its tokens.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lockouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Service accounts and logins with recent failed attempts or a lock in force
         * @description Needs `portcullis.service_accounts:list` or `portcullis.logins:list` (you see the kinds you may list). Failures in a row, when the last one happened and from where, and a lock's end; `lockedOnly=true` keeps only locks in force.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Only subjects locked now; otherwise also those with recent failures. */
                    lockedOnly?: boolean;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["def-9"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lockouts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Clear the failed attempts and lock of a service account or login
         * @description Needs `portcullis.service_accounts:update` or `portcullis.logins:update`, by what the id names. Its failures are forgotten and a lock ends at once, on every node.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sql": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run SQL admin statements
         * @description Firebolt’s statements for service accounts, logins, users, roles, network policies and the organization, and `SELECT` from `information_schema` (docs/sql.md). Send the script as `text/plain`, or as JSON `{query, account}`. Statements run in order, each in its own transaction with the caller’s permissions; the first failure stops the script and the answer says which statements ran and why the next failed. A script that does not parse runs nothing. `fb_GENERATESERVICEACCOUNTKEY` returns the new secret in its row, once.
         */
        post: {
            parameters: {
                query?: {
                    /** @description As `account` in a JSON body. */
                    account?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "query": "CREATE SERVICE ACCOUNT IF NOT EXISTS \"reporting\" WITH DESCRIPTION = 'nightly reports';\nSELECT service_account_name, is_enabled FROM information_schema.service_accounts;"
                     *     }
                     */
                    "application/json": {
                        /** @description One or more statements, separated by `;`. */
                        query: string;
                        /** @description The account user statements act in (name or id). */
                        account?: string;
                    };
                    /**
                     * @example {
                     *       "query": "CREATE SERVICE ACCOUNT IF NOT EXISTS \"reporting\" WITH DESCRIPTION = 'nightly reports';\nSELECT service_account_name, is_enabled FROM information_schema.service_accounts;"
                     *     }
                     */
                    "text/plain": {
                        /** @description One or more statements, separated by `;`. */
                        query: string;
                        /** @description The account user statements act in (name or id). */
                        account?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every statement, in order, with its rows. */
                            statements: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                                columns: {
                                    name: string;
                                    type: string;
                                }[];
                                rows: unknown[][];
                            }[];
                        };
                    };
                };
                /** @description The first failure stops the script; what ran before it stays done. A request refused before any statement ran (its body, its size, the caller) has the error alone. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                            /** @description Absent when the script does not parse: nothing ran. */
                            failedStatement?: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                            };
                            /** @description The statements that ran before it. */
                            statements?: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                                columns: {
                                    name: string;
                                    type: string;
                                }[];
                                rows: unknown[][];
                            }[];
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description The first failure stops the script; what ran before it stays done. A request refused before any statement ran (its body, its size, the caller) has the error alone. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                            /** @description Absent when the script does not parse: nothing ran. */
                            failedStatement?: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                            };
                            /** @description The statements that ran before it. */
                            statements?: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                                columns: {
                                    name: string;
                                    type: string;
                                }[];
                                rows: unknown[][];
                            }[];
                        };
                    };
                };
                /** @description The first failure stops the script; what ran before it stays done. A request refused before any statement ran (its body, its size, the caller) has the error alone. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                            /** @description Absent when the script does not parse: nothing ran. */
                            failedStatement?: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                            };
                            /** @description The statements that ran before it. */
                            statements?: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                                columns: {
                                    name: string;
                                    type: string;
                                }[];
                                rows: unknown[][];
                            }[];
                        };
                    };
                };
                /** @description The first failure stops the script; what ran before it stays done. A request refused before any statement ran (its body, its size, the caller) has the error alone. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                            /** @description Absent when the script does not parse: nothing ran. */
                            failedStatement?: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                            };
                            /** @description The statements that ran before it. */
                            statements?: {
                                /** @description The statement’s number in the script, from 0. */
                                index: number;
                                /** @description Its text, as written. */
                                statement: string;
                                line: number;
                                column: number;
                                columns: {
                                    name: string;
                                    type: string;
                                }[];
                                rows: unknown[][];
                            }[];
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check permissions (and the search rule) for the bearer token
         * @description For resource servers in any language: send the token to judge as the Bearer token (any audience Portcullis issued) and ask whether it holds `permissions`; with `search`, the search rule too (`search:create` plus `list` on every resource searched). The answer says `allowed` and lists what is `missing`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    /**
                     * @example {
                     *       "permissions": [
                     *         "incidents:list"
                     *       ],
                     *       "search": [
                     *         "incidents",
                     *         "findings"
                     *       ]
                     *     }
                     */
                    "application/json": {
                        /** @description `resource:action` items; `*` on either side (`incidents:*`, `*:list`, `*:*`). */
                        permissions?: string[];
                        /** @description Resource types searched. */
                        search?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            allowed: boolean;
                            /** @description Permissions the token lacks, one `resource:action` each. */
                            missing: string[];
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
                /** @description Every API error: a stable code (docs/errors.md), a message, and the request id. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: {
                                code: string;
                                message: string;
                                details?: unknown;
                                requestId: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** ServiceAccount */
        "def-0": {
            /** @description Also the OAuth client_id. */
            id: string;
            name: string;
            description: string;
            isOrganizationAdmin: boolean;
            /** @description A platform resource server: introspection and the revocation feed of every organization. */
            platformIntrospection: boolean;
            enabled: boolean;
            networkPolicyId: string | null;
            /** @description UTC. */
            validTo: string | null;
            /** @description Valid-to as entered, in timezone. */
            validToLocal: string | null;
            /** @description IANA zone valid-to was entered in. */
            timezone: string | null;
            lastUsedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** User */
        "def-1": {
            id: string;
            accountId: string;
            name: string;
            loginId: string | null;
            serviceAccountId: string | null;
            roleIds: string[];
            active: boolean;
            defaultDatabase: string | null;
            defaultEngine: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /** Role */
        "def-2": {
            id: string;
            name: string;
            description: string;
            /** @description Canonical (shortest) form. */
            permissions: string[];
            builtin: boolean;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** ClientCredential */
        "def-3": {
            id: string;
            name: string;
            description: string;
            enabled: boolean;
            permissions: string[];
            /** @description UTC. */
            validTo: string | null;
            /** @description Valid-to as entered, in timezone. */
            validToLocal: string | null;
            /** @description IANA zone valid-to was entered in. */
            timezone: string | null;
            lastUsedAt: string | null;
            /** Format: date-time */
            createdAt: string;
        };
        /** Organization */
        "def-4": {
            id: string;
            name: string;
            displayName: string;
            /** @description Set by the platform operator. */
            programmaticAccessAvailable: boolean;
            /** @description Set by the organization admin. */
            programmaticAccessEnabled: boolean;
            networkPolicyId: string | null;
            allowedAudiences: string[] | null;
            tokenTtlSeconds: number | null;
            /** @description The most days a member's client credential or key pair may last, counted from when it is created or its valid-to edited: with one set, those need a valid-to no later than that (`valid_to_required`, `valid_to_beyond_maximum`). Organization service accounts are not bound by it. Lowering it shortens no credential that exists. Null: no maximum. */
            maxCredentialLifetimeDays: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** NetworkPolicy */
        "def-5": {
            id: string;
            name: string;
            description: string;
            allowed: string[];
            blocked: string[];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** AuditEvent */
        "def-6": {
            id: string;
            /** Format: date-time */
            occurredAt: string;
            actor: {
                type: string;
                id: string | null;
            };
            action: string;
            target: {
                type: string | null;
                id: string | null;
            };
            result: string;
            reason: string | null;
            clientIp: string | null;
            requestId: string | null;
            details: {
                [key: string]: unknown;
            } | null;
        };
        /** Account */
        "def-7": {
            id: string;
            name: string;
            isDefault: boolean;
            /** Format: date-time */
            createdAt: string;
        };
        /** Login */
        "def-8": {
            id: string;
            email: string;
            name: string;
            isOrganizationAdmin: boolean;
            active: boolean;
            networkPolicyId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        /** Lockout */
        "def-9": {
            /** @description The service account or login. */
            subjectId: string;
            kind: "service_account" | "login";
            /** @description The service account's name or the login's email. */
            subjectName: string;
            /** @description Failed attempts in a row, as last counted. */
            failures: number;
            /** @description Null when no lock holds now. */
            lockedUntil: string | null;
            /** Format: date-time */
            lastFailureAt: string;
            lastClientIp: string | null;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
