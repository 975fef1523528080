import parsePrometheusTextFormat, { type MetricFamily, type Sample } from 'parse-prometheus-text-format';

/** A scrape of `/metrics`, parsed by a Prometheus text-format parser, not by our own code. */
export class Scrape {
  private readonly families: Map<string, MetricFamily>;

  constructor(text: string) {
    this.families = new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
  }

  get names(): string[] {
    return [...this.families.keys()];
  }

  family(name: string): MetricFamily {
    const found = this.families.get(name);
    if (!found) throw new Error(`${name} is not in the scrape`);
    return found;
  }

  /** The sample whose labels include `labels`; 0 when the series does not exist yet. */
  value(name: string, labels: Record<string, string> = {}): number {
    const sample = this.samples(name, labels)[0];
    return sample ? Number(sample.value) : 0;
  }

  /** A histogram's observation count. */
  count(name: string, labels: Record<string, string> = {}): number {
    const sample = this.samples(name, labels)[0];
    return sample ? Number(sample.count) : 0;
  }

  private samples(name: string, labels: Record<string, string>): Sample[] {
    return this.family(name).metrics.filter((m) =>
      Object.entries(labels).every(([key, value]) => m.labels?.[key] === value),
    );
  }
}

export async function scrape(url: string, headers: Record<string, string> = {}): Promise<Scrape> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  if (!response.headers.get('content-type')?.startsWith('text/plain; version=0.0.4')) {
    throw new Error(`${url} is not the Prometheus text format: ${response.headers.get('content-type')}`);
  }
  return new Scrape(await response.text());
}
