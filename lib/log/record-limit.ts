/**
 * Per-tab limits on decision records (docs/design.md#security-and-reliability), so a hostile page or a broken script cannot
 * flood the override log. Two token buckets per tab, one counting records and one counting
 * bytes, each full at first and refilled steadily; one record over the size cap is refused
 * outright. A person decides at most a few sends a minute: Go back, Send anyway, or, in audit
 * mode, one chat message after another; 30 in a row and one every 2 s after that is far above
 * what anyone types. A real record is a few KB (the gate sends at most 1,000 matches, about
 * 150 bytes each), so 1 MiB is never reached by one, and 4 MiB then 2 MiB a minute never by 30.
 */
export interface RecordLimits {
  /** Records a tab may write in a row… */
  burst: number;
  /** …then this many a minute. */
  perMinute: number;
  /** Bytes a tab may write in a row… */
  burstBytes: number;
  /** …then this many a minute. */
  bytesPerMinute: number;
  /** No single record may be larger. */
  maxRecordBytes: number;
}

const MIB = 1024 * 1024;

export const RECORD_LIMITS: RecordLimits = {
  burst: 30,
  perMinute: 30,
  burstBytes: 4 * MIB,
  bytesPerMinute: 2 * MIB,
  maxRecordBytes: MIB,
};

export type Admission =
  | { ok: true }
  | {
      ok: false;
      /** For the person whose send stays held. */
      reason: string;
      /** For the options page's diagnostics, which say it once per tab. */
      problem: string;
      /** The first refusal for this tab: report it (once), not the ones after. */
      firstForTab: boolean;
    };

export interface RecordLimiter {
  /** Takes one record of `bytes` from the tab's allowance, or refuses it and takes nothing. */
  admit(tab: number, bytes: number): Admission;
  /** The tab closed. */
  forget(tab: number): void;
}

interface Bucket {
  records: number;
  bytes: number;
  at: number;
  reported: boolean;
}

const MINUTE = 60_000;
const size = (bytes: number) => (bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export function createRecordLimiter(now: () => number, limits: RecordLimits = RECORD_LIMITS): RecordLimiter {
  const buckets = new Map<number, Bucket>();

  function refilled(tab: number): Bucket {
    const t = now();
    const bucket = buckets.get(tab) ?? { records: limits.burst, bytes: limits.burstBytes, at: t, reported: false };
    const minutes = Math.max(0, t - bucket.at) / MINUTE;
    bucket.records = Math.min(limits.burst, bucket.records + minutes * limits.perMinute);
    bucket.bytes = Math.min(limits.burstBytes, bucket.bytes + minutes * limits.bytesPerMinute);
    bucket.at = t;
    buckets.set(tab, bucket);
    return bucket;
  }

  function refuse(bucket: Bucket, reason: string, problem: string): Admission {
    const firstForTab = !bucket.reported;
    bucket.reported = true;
    return { ok: false, reason, problem, firstForTab };
  }

  return {
    admit(tab, bytes) {
      const bucket = refilled(tab);
      if (bytes > limits.maxRecordBytes)
        return refuse(
          bucket,
          `The decision was not recorded: at ${size(bytes)} it is larger than a record may be (${size(limits.maxRecordBytes)}). Nothing was sent.`,
          `a decision record of ${size(bytes)} was refused (at most ${size(limits.maxRecordBytes)})`,
        );
      if (bucket.records < 1 || bucket.bytes < bytes)
        return refuse(
          bucket,
          `The decision was not recorded: this tab sent more decisions than a person makes (${limits.perMinute} a minute). Nothing was sent; wait a moment and try again.`,
          `decision records refused: one tab sent more than ${limits.perMinute} a minute or ${size(limits.bytesPerMinute)} a minute`,
        );
      bucket.records -= 1;
      bucket.bytes -= bytes;
      return { ok: true };
    },
    forget(tab) {
      buckets.delete(tab);
    },
  };
}
