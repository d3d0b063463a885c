/**
 * The ledger's tables, as versioned migrations. Every name is qualified by the
 * store's schema (`kronos` unless told otherwise), so several ledgers (or
 * several test runs) share one database without seeing each other.
 *
 * What the database itself guarantees, whatever the code above it does:
 * - amounts are NUMERIC and never carry more decimals than their account's scale;
 * - a posting's account belongs to its entry's entity and has the posting's currency
 *   and scale; an account never changes entity, type, currency or scale;
 * - every entry balances per currency and has at least two postings, checked by
 *   a DEFERRABLE INITIALLY DEFERRED constraint trigger at commit;
 * - postings are written only together with their entry, and never change;
 * - ids are primary keys (the idempotency keys), account names are unique per entity;
 * - the audit log is append-only, gapless and chained to the previous hash;
 * - posted balances (each account's move per day, and its closing, lowest and
 *   highest balance per month) and pending holds are maintained by triggers in
 *   the same transaction, so they can never go stale.
 */

import { budgetRecordTables } from './budget-records.js';

/** One step of the schema. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /** The statements, for a schema identifier that is already quoted. */
  readonly up: (schema: string) => string;
}

const entityKinds = `'individual', 'single_member_llc', 'multi_member_llc', 'corporation', 'trust'`;
const accountTypes = `'asset', 'liability', 'equity', 'income', 'expense'`;
const flowKinds = `'equity_contribution', 'owner_draw', 'distribution', 'loan', 'loan_repayment', 'expense_paid_on_behalf', 'reimbursement'`;

const ledgerTables = (s: string): string => `
CREATE TABLE ${s}.write_lock (id smallint PRIMARY KEY CHECK (id = 1));
INSERT INTO ${s}.write_lock VALUES (1);

CREATE TABLE ${s}.entities (
  ord bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN (${entityKinds})),
  name text NOT NULL,
  base_currency text NOT NULL,
  owners jsonb NOT NULL CHECK (jsonb_typeof(owners) = 'array'),
  closed_through date,
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE ${s}.accounts (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  entity_id text NOT NULL REFERENCES ${s}.entities (id),
  name text NOT NULL,
  type text NOT NULL CHECK (type IN (${accountTypes})),
  subtype text NOT NULL,
  currency text NOT NULL,
  scale smallint NOT NULL CHECK (scale BETWEEN 0 AND 18),
  balance_min numeric CONSTRAINT balance_min_scale CHECK (balance_min = round(balance_min, scale)),
  balance_max numeric CONSTRAINT balance_max_scale CHECK (balance_max = round(balance_max, scale)),
  counterparty_id text REFERENCES ${s}.entities (id),
  opened_on date NOT NULL,
  closed_on date CHECK (closed_on >= opened_on),
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (entity_id, name)
);

CREATE TABLE ${s}.entries (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  entity_id text NOT NULL REFERENCES ${s}.entities (id),
  date date NOT NULL,
  description text NOT NULL,
  metadata jsonb NOT NULL CHECK (jsonb_typeof(metadata) = 'object'),
  status text NOT NULL CHECK (status IN ('pending', 'posted', 'voided')),
  reverses_id text REFERENCES ${s}.entries (id) DEFERRABLE INITIALLY DEFERRED,
  reversed_by_id text REFERENCES ${s}.entries (id) DEFERRABLE INITIALLY DEFERRED,
  flow_id text,
  fingerprint text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX entries_entity_seq ON ${s}.entries (entity_id, seq);
CREATE INDEX entries_flow ON ${s}.entries (flow_id) WHERE flow_id IS NOT NULL;
CREATE INDEX entries_pending ON ${s}.entries (entity_id, date) WHERE status = 'pending';

CREATE TABLE ${s}.postings (
  entry_id text NOT NULL,
  line integer NOT NULL CHECK (line >= 0),
  entity_id text NOT NULL,
  account_id text NOT NULL,
  currency text NOT NULL,
  scale smallint NOT NULL,
  amount numeric NOT NULL CONSTRAINT posting_scale CHECK (amount = round(amount, scale)),
  PRIMARY KEY (entry_id, line)
);
-- A posting's entry and account are checked per statement by postings_checked below: one
-- join over the whole batch instead of two foreign-key probes per row.

-- Entries written by the open transaction whose balance the commit still has to check.
CREATE TABLE ${s}.unchecked_entries (entry_id text PRIMARY KEY);
CREATE INDEX postings_account ON ${s}.postings (account_id, entry_id);

CREATE TABLE ${s}.flows (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN (${flowKinds})),
  date date NOT NULL,
  from_entity_id text NOT NULL REFERENCES ${s}.entities (id),
  to_entity_id text NOT NULL REFERENCES ${s}.entities (id) CHECK (to_entity_id <> from_entity_id),
  amount numeric NOT NULL CHECK (amount > 0 AND amount = round(amount, scale)),
  currency text NOT NULL,
  scale smallint NOT NULL CHECK (scale BETWEEN 0 AND 18),
  purpose text NOT NULL,
  legal_basis text NOT NULL,
  authorized_by text NOT NULL,
  from_entry_id text NOT NULL REFERENCES ${s}.entries (id),
  to_entry_id text NOT NULL REFERENCES ${s}.entries (id),
  fingerprint text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX flows_from ON ${s}.flows (from_entity_id, date);
CREATE INDEX flows_to ON ${s}.flows (to_entity_id, date);

CREATE TABLE ${s}.period_events (
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
  entity_id text NOT NULL REFERENCES ${s}.entities (id),
  action text NOT NULL CHECK (action IN ('close', 'reopen')),
  closed_through date,
  reason text NOT NULL,
  actor text NOT NULL,
  fingerprint text NOT NULL,
  recorded_at timestamptz NOT NULL
);
CREATE INDEX period_events_entity ON ${s}.period_events (entity_id, seq);

-- 'at' is kept as the exact text that was hashed: the chain must re-hash byte for byte.
CREATE TABLE ${s}.audit (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  at text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject_id text NOT NULL,
  payload text NOT NULL,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
`;

const ledgerGuards = (s: string): string => `
-- Queries on transition tables (which have no statistics) reach other tables through
-- LATERAL subqueries that Postgres cannot flatten (LIMIT / OFFSET 0): one index probe per
-- row, never a scan of a large table for a small statement.

-- At commit (deferred), the first firing checks every entry the transaction wrote in two
-- set queries, then empties the list; later firings find their entry checked and return.
CREATE FUNCTION ${s}.check_entries_balanced() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  bad record;
BEGIN
  PERFORM 1 FROM ${s}.unchecked_entries WHERE entry_id = NEW.id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  SELECT u.entry_id, p.currency, sum(p.amount) AS total INTO bad
    FROM ${s}.unchecked_entries u
    CROSS JOIN LATERAL (SELECT x.currency, x.amount FROM ${s}.postings x WHERE x.entry_id = u.entry_id OFFSET 0) p
    GROUP BY u.entry_id, p.currency HAVING sum(p.amount) <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_balanced', TABLE = 'entries',
      MESSAGE = format('entry %s does not balance in %s: its postings sum to %s', bad.entry_id, bad.currency, bad.total);
  END IF;
  SELECT u.entry_id, p.lines INTO bad
    FROM ${s}.unchecked_entries u
    CROSS JOIN LATERAL (SELECT count(*) AS lines FROM ${s}.postings x WHERE x.entry_id = u.entry_id) p
    WHERE p.lines < 2 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_balanced', TABLE = 'entries',
      MESSAGE = format('entry %s has %s postings: an entry needs at least two', bad.entry_id, bad.lines);
  END IF;
  DELETE FROM ${s}.unchecked_entries;
  RETURN NULL;
END
$fn$;
CREATE CONSTRAINT TRIGGER entry_balanced AFTER INSERT OR UPDATE ON ${s}.entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${s}.check_entries_balanced();

CREATE FUNCTION ${s}.note_new_entries() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO ${s}.unchecked_entries (entry_id) SELECT id FROM new_entries ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER entries_noted AFTER INSERT ON ${s}.entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ${s}.note_new_entries();

-- Postings join only an entry written (or changed) by the same transaction, of the same
-- entity, on an account of that entity with the posting's currency and scale; the commit
-- then checks their entry's balance.
CREATE FUNCTION ${s}.check_new_postings() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  bad record;
BEGIN
  SELECT n.entry_id, n.account_id, e.id IS NULL AS no_entry, e.xmin <> pg_current_xact_id()::xid AS late INTO bad
    FROM new_postings n
    LEFT JOIN LATERAL (SELECT x.id, x.xmin, x.entity_id FROM ${s}.entries x WHERE x.id = n.entry_id LIMIT 1) e ON true
    LEFT JOIN LATERAL (SELECT y.id, y.entity_id, y.currency, y.scale FROM ${s}.accounts y WHERE y.id = n.account_id LIMIT 1) a ON true
    WHERE e.id IS NULL OR a.id IS NULL OR e.xmin <> pg_current_xact_id()::xid OR n.entity_id <> e.entity_id
       OR a.entity_id <> n.entity_id OR a.currency <> n.currency OR a.scale <> n.scale
    LIMIT 1;
  IF FOUND AND bad.late THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'postings_with_entry', TABLE = 'postings',
      MESSAGE = format('postings may only be added to entry %s in the transaction that writes it', bad.entry_id);
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'posting_account', TABLE = 'postings',
      MESSAGE = format('posting of entry %s on account %s: the entry must exist and the account must belong to its entity, with the posting''s currency and scale', bad.entry_id, bad.account_id);
  END IF;
  INSERT INTO ${s}.unchecked_entries (entry_id) SELECT DISTINCT entry_id FROM new_postings ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER postings_checked AFTER INSERT ON ${s}.postings
  REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION ${s}.check_new_postings();

-- An account keeps its entity, type, currency and scale, and is never deleted.
CREATE FUNCTION ${s}.check_account_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF (NEW.id, NEW.entity_id, NEW.type, NEW.currency, NEW.scale) IS DISTINCT FROM (OLD.id, OLD.entity_id, OLD.type, OLD.currency, OLD.scale) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'account_identity', TABLE = 'accounts',
      MESSAGE = format('account %s keeps its entity, type, currency and scale: open a new account instead', OLD.id);
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER account_identity BEFORE UPDATE ON ${s}.accounts FOR EACH ROW EXECUTE FUNCTION ${s}.check_account_update();

CREATE FUNCTION ${s}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'restrict_violation', CONSTRAINT = TG_TABLE_NAME || '_append_only', TABLE = TG_TABLE_NAME,
    MESSAGE = format('%s is append-only: %s is refused (correct with a reversal and a new record)', TG_TABLE_NAME, TG_OP);
END
$fn$;
CREATE TRIGGER postings_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${s}.postings FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change();
CREATE TRIGGER entries_append_only BEFORE DELETE OR TRUNCATE ON ${s}.entries FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change();
CREATE TRIGGER accounts_append_only BEFORE DELETE OR TRUNCATE ON ${s}.accounts FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${s}.audit FOR EACH STATEMENT EXECUTE FUNCTION ${s}.refuse_change();

-- Only the status (pending to posted or voided) and the reversal link of an entry ever change.
CREATE FUNCTION ${s}.check_entry_update() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF (NEW.id, NEW.entity_id, NEW.date, NEW.description, NEW.metadata, NEW.reverses_id, NEW.flow_id, NEW.fingerprint, NEW.recorded_at)
     IS DISTINCT FROM (OLD.id, OLD.entity_id, OLD.date, OLD.description, OLD.metadata, OLD.reverses_id, OLD.flow_id, OLD.fingerprint, OLD.recorded_at)
     OR (NEW.status <> OLD.status AND OLD.status <> 'pending')
     OR (OLD.reversed_by_id IS NOT NULL AND NEW.reversed_by_id IS DISTINCT FROM OLD.reversed_by_id) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_immutable', TABLE = 'entries',
      MESSAGE = format('entry %s may only move from pending to posted or voided, or be marked reversed once', OLD.id);
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER entry_immutable BEFORE UPDATE ON ${s}.entries FOR EACH ROW EXECUTE FUNCTION ${s}.check_entry_update();

-- The audit log has no gaps and each record names the hash of the one before.
CREATE FUNCTION ${s}.check_audit_link() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  previous record;
BEGIN
  SELECT seq, hash INTO previous FROM ${s}.audit ORDER BY seq DESC LIMIT 1;
  IF (previous IS NULL AND (NEW.seq <> 1 OR NEW.prev_hash <> repeat('0', 64)))
     OR (previous IS NOT NULL AND (NEW.seq <> previous.seq + 1 OR NEW.prev_hash <> previous.hash)) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'audit_chained', TABLE = 'audit',
      MESSAGE = format('audit record %s does not follow the head of the log', NEW.seq);
  END IF;
  RETURN NEW;
END
$fn$;
CREATE TRIGGER audit_chained BEFORE INSERT ON ${s}.audit FOR EACH ROW EXECUTE FUNCTION ${s}.check_audit_link();
`;

const balanceRows = (s: string): string => `
-- Posted balance of each account at the end of each day it moved: an as-of read is
-- one index probe, and a back-dated entry shifts every later day in the same transaction.
CREATE TABLE ${s}.daily_balances (
  account_id text NOT NULL REFERENCES ${s}.accounts (id),
  day date NOT NULL,
  balance numeric NOT NULL,
  PRIMARY KEY (account_id, day)
);
-- Net amount a pending entry holds on each account it touches.
CREATE TABLE ${s}.holds (
  account_id text NOT NULL REFERENCES ${s}.accounts (id),
  entry_id text NOT NULL REFERENCES ${s}.entries (id),
  day date NOT NULL,
  amount numeric NOT NULL,
  PRIMARY KEY (account_id, entry_id)
);

CREATE FUNCTION ${s}.move_balances(account_ids text[], days date[], amounts numeric[]) RETURNS void LANGUAGE sql VOLATILE AS $fn$
  INSERT INTO ${s}.daily_balances (account_id, day, balance)
  SELECT DISTINCT d.account_id, d.day,
    coalesce((SELECT b.balance FROM ${s}.daily_balances b WHERE b.account_id = d.account_id AND b.day < d.day ORDER BY b.day DESC LIMIT 1), 0)
  FROM unnest(account_ids, days) AS d (account_id, day)
  ON CONFLICT (account_id, day) DO NOTHING;
  UPDATE ${s}.daily_balances b SET balance = b.balance + moved.total
  FROM (
    SELECT later.account_id, later.day, sum(d.amount) AS total
    FROM unnest(account_ids, days, amounts) AS d (account_id, day, amount)
    JOIN ${s}.daily_balances later ON later.account_id = d.account_id AND later.day >= d.day
    GROUP BY later.account_id, later.day
  ) AS moved
  WHERE b.account_id = moved.account_id AND b.day = moved.day;
$fn$;

CREATE FUNCTION ${s}.postings_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM ${s}.move_balances(array_agg(n.account_id), array_agg(e.date), array_agg(n.amount))
  FROM new_postings n CROSS JOIN LATERAL (SELECT x.date, x.status FROM ${s}.entries x WHERE x.id = n.entry_id LIMIT 1) e
  WHERE e.status = 'posted'
  HAVING count(*) > 0;
  INSERT INTO ${s}.holds (account_id, entry_id, day, amount)
  SELECT n.account_id, n.entry_id, e.date, sum(n.amount)
  FROM new_postings n CROSS JOIN LATERAL (SELECT x.date, x.status FROM ${s}.entries x WHERE x.id = n.entry_id LIMIT 1) e
  WHERE e.status = 'pending'
  GROUP BY n.account_id, n.entry_id, e.date HAVING sum(n.amount) <> 0;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER postings_moved AFTER INSERT ON ${s}.postings
  REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT EXECUTE FUNCTION ${s}.postings_moved();

CREATE FUNCTION ${s}.entries_settled() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  DELETE FROM ${s}.holds h USING old_entries o JOIN new_entries n ON n.id = o.id
  WHERE h.entry_id = n.id AND o.status = 'pending' AND n.status <> 'pending';
  PERFORM ${s}.move_balances(array_agg(p.account_id), array_agg(n.date), array_agg(p.amount))
  FROM old_entries o JOIN new_entries n ON n.id = o.id
  CROSS JOIN LATERAL (SELECT x.account_id, x.amount FROM ${s}.postings x WHERE x.entry_id = n.id OFFSET 0) p
  WHERE o.status <> 'posted' AND n.status = 'posted'
  HAVING count(*) > 0;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER entries_settled AFTER UPDATE ON ${s}.entries
  REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ${s}.entries_settled();

-- Backfill from what version 1 holds.
INSERT INTO ${s}.daily_balances (account_id, day, balance)
SELECT account_id, day, sum(moved) OVER (PARTITION BY account_id ORDER BY day)
FROM (SELECT p.account_id, e.date AS day, sum(p.amount) AS moved FROM ${s}.postings p JOIN ${s}.entries e ON e.id = p.entry_id
      WHERE e.status = 'posted' GROUP BY p.account_id, e.date) AS per_day;
INSERT INTO ${s}.holds (account_id, entry_id, day, amount)
SELECT p.account_id, p.entry_id, e.date, sum(p.amount) FROM ${s}.postings p JOIN ${s}.entries e ON e.id = p.entry_id
WHERE e.status = 'pending' GROUP BY p.account_id, p.entry_id, e.date HAVING sum(p.amount) <> 0;
`;

const cheaperWrites = (s: string): string => `
-- The balance check fires once per transaction instead of once per entry row: statement
-- triggers on entries and postings drop one marker row for the transaction, and the deferred
-- constraint trigger sits on the marker. It checks every listed entry, as before.
CREATE TABLE ${s}.unchecked_transactions (xact bigint PRIMARY KEY);

CREATE OR REPLACE FUNCTION ${s}.check_entries_balanced() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  bad record;
BEGIN
  -- One probe per listed entry: its sum per currency and its number of postings.
  SELECT u.entry_id, p.currency, p.total, coalesce(p.lines, 0) AS lines INTO bad
    FROM ${s}.unchecked_entries u
    CROSS JOIN LATERAL (
      SELECT sum(c.lines) AS lines, (array_agg(c.currency) FILTER (WHERE c.total <> 0))[1] AS currency, (array_agg(c.total) FILTER (WHERE c.total <> 0))[1] AS total
      FROM (SELECT x.currency, sum(x.amount) AS total, count(*) AS lines FROM ${s}.postings x WHERE x.entry_id = u.entry_id GROUP BY x.currency) c
    ) p
    WHERE p.currency IS NOT NULL OR coalesce(p.lines, 0) < 2
    LIMIT 1;
  IF FOUND AND bad.currency IS NOT NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_balanced', TABLE = 'entries',
      MESSAGE = format('entry %s does not balance in %s: its postings sum to %s', bad.entry_id, bad.currency, bad.total);
  END IF;
  IF FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = 'entry_balanced', TABLE = 'entries',
      MESSAGE = format('entry %s has %s postings: an entry needs at least two', bad.entry_id, bad.lines);
  END IF;
  DELETE FROM ${s}.unchecked_entries;
  DELETE FROM ${s}.unchecked_transactions WHERE xact = NEW.xact;
  RETURN NULL;
END
$fn$;
DROP TRIGGER entry_balanced ON ${s}.entries;
CREATE CONSTRAINT TRIGGER entry_balanced AFTER INSERT ON ${s}.unchecked_transactions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${s}.check_entries_balanced();

-- Every statement that writes entries or postings drops the marker (at most one per transaction).
CREATE FUNCTION ${s}.note_unchecked_transaction() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  INSERT INTO ${s}.unchecked_transactions (xact) VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$fn$;
CREATE TRIGGER entries_marked AFTER INSERT ON ${s}.entries FOR EACH STATEMENT EXECUTE FUNCTION ${s}.note_unchecked_transaction();
CREATE TRIGGER postings_marked AFTER INSERT ON ${s}.postings FOR EACH STATEMENT EXECUTE FUNCTION ${s}.note_unchecked_transaction();

-- Posted balances as two tables instead of one running balance per account and day (where a
-- back-dated entry rewrote every later day of its accounts):
-- - day_moves: the net posted move of each account on each day it moved;
-- - month_balances: per account and month with a move, the balance at the month's end and the
--   lowest and highest end-of-day balance within it.
-- A back-dated entry then rewrites its day, its month and each later month of its accounts
-- (about thirty times fewer rows); an as-of read is one probe for the month before plus the
-- days of its month, and the bound checks read one month of days plus the later months.
-- Free room on their pages lets a row be rewritten in place (a HOT update, no new index entry).
-- Both tables are written only by the triggers below, from postings whose entry and account
-- postings_checked has already verified, so they carry no foreign keys of their own.
CREATE TABLE ${s}.day_moves (
  account_id text NOT NULL,
  day date NOT NULL,
  amount numeric NOT NULL,
  PRIMARY KEY (account_id, day)
) WITH (fillfactor = 70);
CREATE TABLE ${s}.month_balances (
  account_id text NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  closing numeric NOT NULL,
  low numeric NOT NULL,
  high numeric NOT NULL,
  PRIMARY KEY (account_id, month)
) WITH (fillfactor = 50);
INSERT INTO ${s}.day_moves (account_id, day, amount)
SELECT account_id, day, balance - coalesce(lag(balance) OVER (PARTITION BY account_id ORDER BY day), 0) FROM ${s}.daily_balances;
INSERT INTO ${s}.month_balances (account_id, month, closing, low, high)
SELECT account_id, date_trunc('month', day::timestamp)::date, (array_agg(balance ORDER BY day DESC))[1], min(balance), max(balance)
FROM ${s}.daily_balances GROUP BY account_id, date_trunc('month', day::timestamp);
DROP TABLE ${s}.daily_balances;
ALTER TABLE ${s}.holds DROP CONSTRAINT holds_account_id_fkey, DROP CONSTRAINT holds_entry_id_fkey;

-- Adds posted moves: per day into day_moves, then, in one statement, every month of the
-- moved accounts from the earliest moved month on is rewritten once: its closing shifted by
-- the moves of it and earlier months; a moved month's low and high recomputed from its days,
-- a later one's shifted like its closing; a new month starts from the closing before it.
CREATE OR REPLACE FUNCTION ${s}.move_balances(account_ids text[], days date[], amounts numeric[]) RETURNS void LANGUAGE sql VOLATILE AS $fn$
  INSERT INTO ${s}.day_moves AS d (account_id, day, amount)
  SELECT m.account_id, m.day, sum(m.amount) FROM unnest(account_ids, days, amounts) AS m (account_id, day, amount) GROUP BY m.account_id, m.day
  ON CONFLICT (account_id, day) DO UPDATE SET amount = d.amount + excluded.amount;
  WITH moved AS (
    SELECT m.account_id, date_trunc('month', m.day::timestamp)::date AS month, sum(m.amount) AS amount
    FROM unnest(account_ids, days, amounts) AS m (account_id, day, amount) GROUP BY 1, 2
  ), since AS (
    SELECT account_id, min(month) AS month FROM moved GROUP BY account_id
  ), months AS (
    SELECT b.account_id, b.month, b.closing AS before, b.low, b.high, true AS existing
    FROM since f CROSS JOIN LATERAL (SELECT x.account_id, x.month, x.closing, x.low, x.high FROM ${s}.month_balances x WHERE x.account_id = f.account_id AND x.month >= f.month OFFSET 0) b
    UNION ALL
    SELECT m.account_id, m.month,
      coalesce((SELECT x.closing FROM ${s}.month_balances x WHERE x.account_id = m.account_id AND x.month < m.month ORDER BY x.month DESC LIMIT 1), 0), NULL, NULL, false
    FROM moved m WHERE NOT EXISTS (SELECT 1 FROM ${s}.month_balances x WHERE x.account_id = m.account_id AND x.month = m.month)
  ), shifted AS (
    SELECT t.account_id, t.month, t.existing, t.low, t.high, mv.amount IS NOT NULL AS moved,
      t.before + sum(coalesce(mv.amount, 0)) OVER w AS closing,
      sum(coalesce(mv.amount, 0)) OVER w - coalesce(mv.amount, 0) AS earlier
    FROM months t LEFT JOIN moved mv ON mv.account_id = t.account_id AND mv.month = t.month
    WINDOW w AS (PARTITION BY t.account_id ORDER BY t.month)
  ), recomputed AS (
    SELECT z.account_id, z.month, min(z.run) AS low, max(z.run) AS high, sum(z.amount) AS total
    FROM (
      SELECT mv.account_id, mv.month, d.amount, sum(d.amount) OVER (PARTITION BY mv.account_id, mv.month ORDER BY d.day) AS run
      FROM moved mv CROSS JOIN LATERAL (SELECT x.day, x.amount FROM ${s}.day_moves x
        WHERE x.account_id = mv.account_id AND x.day >= mv.month AND x.day < (mv.month + interval '1 month')::date OFFSET 0) d
    ) z
    GROUP BY z.account_id, z.month
  ), settled AS (
    SELECT h.account_id, h.month, h.existing, h.closing,
      CASE WHEN h.moved THEN h.closing - r.total + r.low ELSE h.low + h.earlier END AS low,
      CASE WHEN h.moved THEN h.closing - r.total + r.high ELSE h.high + h.earlier END AS high
    FROM shifted h LEFT JOIN recomputed r ON r.account_id = h.account_id AND r.month = h.month
  ), updated AS (
    UPDATE ${s}.month_balances b SET closing = x.closing, low = x.low, high = x.high FROM settled x
    WHERE x.existing AND b.account_id = x.account_id AND b.month = x.month
  )
  INSERT INTO ${s}.month_balances (account_id, month, closing, low, high)
  SELECT account_id, month, closing, low, high FROM settled WHERE NOT existing;
$fn$;

-- Each posting's entry is read once (its date and status), then the posted moves go to
-- move_balances summed per account and day, and the pending ones become holds.
CREATE OR REPLACE FUNCTION ${s}.postings_moved() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  done boolean;
BEGIN
  WITH p AS MATERIALIZED (
    SELECT n.account_id, n.entry_id, n.amount, e.date, e.status
    FROM new_postings n CROSS JOIN LATERAL (SELECT x.date, x.status FROM ${s}.entries x WHERE x.id = n.entry_id LIMIT 1) e
  ), held AS (
    INSERT INTO ${s}.holds (account_id, entry_id, day, amount)
    SELECT account_id, entry_id, date, sum(amount) FROM p WHERE status = 'pending'
    GROUP BY account_id, entry_id, date HAVING sum(amount) <> 0
  )
  SELECT true INTO done FROM (
    SELECT ${s}.move_balances(array_agg(m.account_id), array_agg(m.day), array_agg(m.amount))
    FROM (SELECT account_id, date AS day, sum(amount) AS amount FROM p WHERE status = 'posted' GROUP BY account_id, date) m
    HAVING count(*) > 0
  ) moved;
  RETURN NULL;
END
$fn$;
`;

/** Every migration, oldest first. The last version is what this build of the store needs. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'ledger tables and their guards', up: (s) => ledgerTables(s) + ledgerGuards(s) },
  { version: 2, name: 'maintained daily balances and pending holds', up: balanceRows },
  { version: 3, name: 'budget records', up: budgetRecordTables },
  { version: 4, name: 'one balance check per transaction, one pass over the balances per statement', up: cheaperWrites },
];

/** The schema version this build of the store reads and writes. */
export const schemaVersion: number = migrations[migrations.length - 1]!.version;
