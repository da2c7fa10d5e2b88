import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { describeFault } from '@/lib/log/verify';
import { verifyExport } from '@/lib/log/verify-export';
import type { Connector, LiveVerdict } from '@/lib/connectors/connector';

type Outcome = { ok: boolean; text: string } | null;

function liveText(verdict: LiveVerdict): Outcome {
  if (!verdict.ok) return { ok: false, text: `The log is broken. ${describeFault(verdict)}` };
  const n = verdict.count.toLocaleString();
  return {
    ok: true,
    text:
      verdict.count === 0
        ? 'The log is empty; there is nothing to verify yet.'
        : `The log is intact: all ${n} ${verdict.count === 1 ? 'record matches its hash' : 'records match their hashes'} and link from the first to seq ${verdict.head?.seq ?? verdict.count}.`,
  };
}

/** "Verify" for the live log and for an export someone hands the supervisor (issue 6). */
export function LogVerify({ connector }: { connector: Connector }): JSX.Element {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  async function check(work: () => Promise<Outcome>): Promise<void> {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await work());
    } catch (error) {
      setOutcome({ ok: false, text: `Could not verify: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  }

  function verifyFile(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must verify again
    if (!file) return;
    void check(async () => {
      const verdict = await verifyExport(await file.text());
      return { ok: verdict.status === 'valid', text: `${file.name}: ${verdict.message}` };
    });
  }

  return (
    <div class="log-verify" role="group" aria-label="Verify">
      <button
        type="button"
        disabled={busy}
        onClick={() => void check(async () => liveText(await connector.verifyLog()))}
      >
        Verify the log
      </button>
      <label class={`file-button${busy ? ' disabled' : ''}`}>
        Verify a file…
        <input
          type="file"
          class="visually-hidden"
          accept=".csv,.json,.ndjson,.jsonl,text/csv,application/json"
          disabled={busy}
          onChange={(e) => verifyFile(e.currentTarget)}
        />
      </label>
      <p role="status" class={outcome?.ok ? 'verify-ok' : 'muted'}>
        {busy ? 'Verifying…' : outcome?.ok ? outcome.text : ''}
      </p>
      {outcome && !outcome.ok ? (
        <p role="alert" class="error-text">
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
