/** What the search endpoint can look through: each type needs its own `list` permission to be searched. */
export const searchableTypes = ['incidents', 'findings'] as const;
export type SearchableType = (typeof searchableTypes)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

export interface Incident {
  id: string;
  title: string;
  severity: Severity;
  status: 'open' | 'resolved';
  createdAt: string;
  /** The token's subject: the service account (or person) that reported it. */
  createdBy: string;
}

export interface Finding {
  id: string;
  title: string;
  severity: Severity;
  /** The API endpoint the finding concerns, as FireTail reports them. */
  endpoint: string;
  detectedAt: string;
}

export interface SearchHit {
  type: SearchableType;
  id: string;
  title: string;
}

/** A demo keeps the newest records only, so a script creating incidents in a loop cannot fill the memory. */
const keptIncidents = 1_000;

/** One organization's records: every organization starts with the same few, and sees only its own. */
export class OrganizationRecords {
  private readonly incidentList: Incident[];
  private readonly findingList: Finding[];
  private nextIncident: number;

  constructor() {
    const at = new Date().toISOString();
    this.incidentList = [
      {
        id: 'inc_1',
        title: 'Spike of 401s on /payments',
        severity: 'high',
        status: 'open',
        createdAt: at,
        createdBy: 'demo',
      },
      {
        id: 'inc_2',
        title: 'Unauthenticated access to /internal/metrics',
        severity: 'critical',
        status: 'resolved',
        createdAt: at,
        createdBy: 'demo',
      },
    ];
    this.findingList = [
      {
        id: 'fnd_1',
        title: 'Missing rate limit',
        severity: 'medium',
        endpoint: 'POST /login',
        detectedAt: at,
      },
      {
        id: 'fnd_2',
        title: 'Sensitive data in response',
        severity: 'high',
        endpoint: 'GET /users/{id}',
        detectedAt: at,
      },
      {
        id: 'fnd_3',
        title: 'Verbose error messages',
        severity: 'low',
        endpoint: 'GET /orders',
        detectedAt: at,
      },
    ];
    this.nextIncident = this.incidentList.length + 1;
  }

  incidents(): readonly Incident[] {
    return this.incidentList;
  }

  incident(id: string): Incident | undefined {
    return this.incidentList.find((i) => i.id === id);
  }

  createIncident(input: { title: string; severity: Severity }, createdBy: string): Incident {
    const incident: Incident = {
      id: `inc_${this.nextIncident++}`,
      title: input.title,
      severity: input.severity,
      status: 'open',
      createdAt: new Date().toISOString(),
      createdBy,
    };
    this.incidentList.push(incident);
    if (this.incidentList.length > keptIncidents) this.incidentList.shift();
    return incident;
  }

  findings(): readonly Finding[] {
    return this.findingList;
  }

  finding(id: string): Finding | undefined {
    return this.findingList.find((f) => f.id === id);
  }

  /** Titles containing `query`, ignoring case, among the types given. */
  search(query: string, types: readonly SearchableType[]): SearchHit[] {
    const needle = query.toLowerCase();
    const sources: Record<SearchableType, readonly { id: string; title: string }[]> = {
      incidents: this.incidentList,
      findings: this.findingList,
    };
    return types.flatMap((type) =>
      sources[type]
        .filter((record) => record.title.toLowerCase().includes(needle))
        .map((record) => ({ type, id: record.id, title: record.title })),
    );
  }
}

/** The demo's whole store: in memory, one set of records per organization (the token's `org_id`). */
export class DemoRecords {
  private readonly organizations = new Map<string, OrganizationRecords>();

  of(organizationId: string): OrganizationRecords {
    let records = this.organizations.get(organizationId);
    if (!records) {
      records = new OrganizationRecords();
      this.organizations.set(organizationId, records);
    }
    return records;
  }
}
