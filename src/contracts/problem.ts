/** The shape of every error the API answers with (RFC 9457 problem+json), shared by server and web. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldError {
  /** dotted path of the offending field, e.g. "body.location.lng" */
  field: string;
  message: Bilingual;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  /** stable, machine-readable: clients switch on it */
  code: string;
  detail: string;
  message: Bilingual;
  errors: FieldError[];
  instance?: string;
  [extension: string]: unknown;
}
