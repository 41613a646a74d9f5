/**
 * Numbered migrations. The version lives in PRAGMA user_version; all pending steps run in
 * one transaction. A released migration is never edited: add a new one instead.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds a table others refer to (SQLite's documented 12-step change): foreign keys are
   * off while it runs and checked in full before it commits.
   */
  rebuildsTables?: boolean;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        detail TEXT
      ) STRICT;

      CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        actor TEXT NOT NULL,
        profile TEXT NOT NULL,
        source TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'rolled_back'))
      ) STRICT;

      CREATE TABLE import_files (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        kind TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        rows_read INTEGER NOT NULL,
        rows_loaded INTEGER NOT NULL,
        rows_quarantined INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE branches (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE households (
        id INTEGER PRIMARY KEY,
        household_key TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL CHECK (source IN ('core', 'address'))
      ) STRICT;

      CREATE TABLE customers (
        id INTEGER PRIMARY KEY,
        customer_number TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL,
        last_name TEXT NOT NULL,
        birth_date TEXT,
        gender TEXT,
        address_line1 TEXT NOT NULL,
        address_line2 TEXT,
        city TEXT NOT NULL,
        state TEXT NOT NULL,
        zip TEXT NOT NULL,
        phone TEXT,
        email TEXT,
        branch_code TEXT REFERENCES branches(code),
        customer_since TEXT,
        household_id INTEGER NOT NULL REFERENCES households(id),
        do_not_solicit INTEGER NOT NULL DEFAULT 0,
        do_not_mail INTEGER NOT NULL DEFAULT 0,
        deceased INTEGER NOT NULL DEFAULT 0,
        returned_mail INTEGER NOT NULL DEFAULT 0,
        employee INTEGER NOT NULL DEFAULT 0,
        -- lower-cased "number name city" for the Customers screen's search
        search_text TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        -- summaries refreshed after every load, so the Customers screen sorts by index
        household_size INTEGER NOT NULL DEFAULT 1,
        open_accounts INTEGER NOT NULL DEFAULT 0,
        deposits_cents INTEGER NOT NULL DEFAULT 0,
        loans_cents INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX customers_accounts ON customers(open_accounts, id);
      CREATE INDEX customers_deposits ON customers(deposits_cents, id);
      CREATE INDEX customers_household ON customers(household_id);
      CREATE INDEX customers_sort_name ON customers(sort_name, id);
      CREATE INDEX customers_city ON customers(city, id);
      CREATE INDEX customers_state ON customers(state, id);
      CREATE INDEX customers_birth ON customers(birth_date, id);
      CREATE INDEX customers_since ON customers(customer_since, id);

      CREATE TABLE products (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        family TEXT NOT NULL,
        interest_bearing INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        account_number TEXT NOT NULL UNIQUE,
        product_code TEXT NOT NULL REFERENCES products(code),
        open_date TEXT NOT NULL,
        close_date TEXT,
        status TEXT NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'CHARGED_OFF', 'DORMANT')),
        balance_cents INTEGER NOT NULL,
        rate REAL,
        branch_code TEXT REFERENCES branches(code)
      ) STRICT;
      CREATE INDEX accounts_product ON accounts(product_code);

      CREATE TABLE account_owners (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'joint')),
        PRIMARY KEY (account_id, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX account_owners_customer ON account_owners(customer_id, account_id);

      CREATE TABLE transactions (
        id INTEGER PRIMARY KEY,
        transaction_key TEXT NOT NULL UNIQUE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        posted_date TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        code TEXT NOT NULL,
        description TEXT NOT NULL,
        mcc TEXT,
        balance_after_cents INTEGER
      ) STRICT;
      CREATE INDEX transactions_account_date ON transactions(account_id, posted_date);
      CREATE INDEX transactions_date ON transactions(posted_date);

      CREATE TABLE balance_snapshots (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        as_of TEXT NOT NULL,
        balance_cents INTEGER NOT NULL,
        average_balance_cents INTEGER,
        PRIMARY KEY (account_id, as_of)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'customer search index',
    // A trigram index answers "contains" searches (name, number, city) without scanning every
    // customer: 250,000 customers took 0.4 s a keystroke with LIKE alone.
    sql: `
      CREATE VIRTUAL TABLE customer_search USING fts5(
        search_text, content = 'customers', content_rowid = 'id', tokenize = 'trigram'
      );
      INSERT INTO customer_search (customer_search) VALUES ('rebuild');
      CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN
        INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
      END;
      CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN
        INSERT INTO customer_search (customer_search, rowid, search_text)
          VALUES ('delete', old.id, old.search_text);
      END;
      CREATE TRIGGER customers_search_update AFTER UPDATE OF search_text ON customers BEGIN
        INSERT INTO customer_search (customer_search, rowid, search_text)
          VALUES ('delete', old.id, old.search_text);
        INSERT INTO customer_search (rowid, search_text) VALUES (new.id, new.search_text);
      END;
    `,
  },
  {
    version: 3,
    name: 'quarantine',
    // Rows an import could not load, kept with their problems so nothing is silently dropped.
    sql: `
      CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        file TEXT NOT NULL,
        kind TEXT NOT NULL,
        row INTEGER NOT NULL,
        record TEXT NOT NULL,
        issues TEXT NOT NULL
      ) STRICT;
      CREATE INDEX quarantine_import ON quarantine(import_id);
    `,
  },
  {
    version: 4,
    name: 'ingest',
    rebuildsTables: true,
    sql: `
      -- A customer with neither a core household id nor a mailing address is a household alone.
      CREATE TABLE households_new (
        id INTEGER PRIMARY KEY,
        household_key TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL CHECK (source IN ('core', 'address', 'single'))
      ) STRICT;
      INSERT INTO households_new (id, household_key, source) SELECT id, household_key, source FROM households;
      DROP TABLE households;
      ALTER TABLE households_new RENAME TO households;

      -- Districts, counties, market areas: where customers live, with what the core says of it.
      CREATE TABLE geography (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        region TEXT,
        population INTEGER,
        average_salary_cents INTEGER,
        unemployment_rate REAL
      ) STRICT;

      ALTER TABLE customers ADD COLUMN country TEXT NOT NULL DEFAULT 'US';
      ALTER TABLE customers ADD COLUMN geography_code TEXT REFERENCES geography(code);
      ALTER TABLE customers ADD COLUMN core_household_id TEXT;
      -- HMAC-SHA-256 of a tax id under this database's own salt: matching without the number.
      ALTER TABLE customers ADD COLUMN tax_id_hash TEXT;

      -- The core's own key of an ownership row (Berka's disp_id), which other files refer to.
      ALTER TABLE account_owners ADD COLUMN owner_key TEXT;
      CREATE UNIQUE INDEX account_owners_key ON account_owners(owner_key) WHERE owner_key IS NOT NULL;
      -- 1 where the account file gave no balance: it is the balance after the latest transaction.
      ALTER TABLE accounts ADD COLUMN balance_from_transactions INTEGER NOT NULL DEFAULT 0;

      -- Standing orders and known payees of an account.
      CREATE TABLE payees (
        id INTEGER PRIMARY KEY,
        payee_key TEXT NOT NULL UNIQUE,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        bank TEXT,
        payee_account TEXT,
        amount_cents INTEGER,
        category TEXT
      ) STRICT;
      CREATE INDEX payees_account ON payees(account_id);

      ALTER TABLE transactions ADD COLUMN merchant TEXT;
      ALTER TABLE transactions ADD COLUMN category TEXT;
      ALTER TABLE transactions ADD COLUMN counterparty TEXT;

      -- What each import changed, so the newest can be rolled back: rows it added (before is
      -- NULL) and the earlier contents of rows it changed or removed, in order.
      CREATE TABLE import_undo (
        seq INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        before TEXT
      ) STRICT;
      CREATE INDEX import_undo_import ON import_undo(import_id, seq);
      -- Transactions an import added are one range of ids (imports never overlap).
      ALTER TABLE imports ADD COLUMN first_transaction_id INTEGER;
      ALTER TABLE imports ADD COLUMN last_transaction_id INTEGER;
      ALTER TABLE imports ADD COLUMN rolled_back_at TEXT;
      -- Per file: fields missing by column and duplicates found, as JSON.
      ALTER TABLE import_files ADD COLUMN quality TEXT;

      -- Mapping profiles the users saved in this bank's database.
      CREATE TABLE mapping_profiles (
        name TEXT PRIMARY KEY,
        profile TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      -- Merchant cleanup rules the users wrote; they win over the built-in dictionary.
      CREATE TABLE merchant_rules (
        id INTEGER PRIMARY KEY,
        pattern TEXT NOT NULL,
        match TEXT NOT NULL CHECK (match IN ('contains', 'starts_with', 'exact')),
        merchant TEXT NOT NULL,
        category TEXT NOT NULL,
        position INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'balance snapshots remember their import',
    // Monthly snapshots are the most numerous rows an import adds after transactions; the import
    // that wrote one is kept on the row (no index: only a rollback looks), not journalled.
    sql: `ALTER TABLE balance_snapshots ADD COLUMN import_id INTEGER;`,
  },
  {
    version: 6,
    name: 'KLIs and triggers',
    sql: `
      -- The marketer's own KLIs (definition: kli-schema.ts customKliSchema as JSON).
      CREATE TABLE kli_custom (
        id TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      -- Parameters the marketer changed on a built-in KLI (the whole rule, same type, as JSON).
      CREATE TABLE kli_tuning (
        id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      -- Which customers have which KLI at the last compute: flagged customers only.
      CREATE TABLE kli_results (
        kli_id TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        value REAL NOT NULL,
        detail TEXT,
        PRIMARY KEY (kli_id, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX kli_results_customer ON kli_results(customer_id, kli_id);

      -- Per KLI at the last compute: counts and the monthly trend (JSON [{month, customers}]).
      CREATE TABLE kli_stats (
        kli_id TEXT PRIMARY KEY,
        customers INTEGER NOT NULL,
        households INTEGER NOT NULL,
        coverage INTEGER NOT NULL,
        trend TEXT NOT NULL,
        rule_key TEXT NOT NULL
      ) STRICT;

      CREATE TABLE kli_runs (
        id INTEGER PRIMARY KEY,
        as_of TEXT NOT NULL,
        lookback_months INTEGER NOT NULL,
        computed_at TEXT NOT NULL,
        seconds REAL NOT NULL,
        transactions_read INTEGER NOT NULL,
        incremental INTEGER NOT NULL,
        coverage INTEGER NOT NULL,
        customers INTEGER NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;

      -- The engine's monthly aggregates, kept so that a new month only reads new transactions.
      -- Matchers are the distinct transaction filters the KLIs use (key: canonical JSON).
      CREATE TABLE kli_matchers (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE
      ) STRICT;
      -- Names that matched (merchant or payee), numbered for the packed facts.
      CREATE TABLE kli_names (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
      ) STRICT;
      -- Per account: packed (matcher, month, name) → count, amount entries (see kli/facts.ts).
      CREATE TABLE kli_account_facts (
        account_id INTEGER PRIMARY KEY,
        facts BLOB NOT NULL
      ) STRICT;

      -- Trigger rules (definition: kli-schema.ts triggerRuleSchema as JSON), in list order.
      CREATE TABLE trigger_rules (
        id TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        position INTEGER NOT NULL
      ) STRICT;

      -- Hits of the last evaluation, with their evidence in words.
      CREATE TABLE trigger_hits (
        id INTEGER PRIMARY KEY,
        trigger_id TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE,
        as_of TEXT NOT NULL,
        evidence TEXT NOT NULL,
        action TEXT NOT NULL,
        evaluated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX trigger_hits_customer ON trigger_hits(customer_id);
    `,
  },
  {
    version: 7,
    name: 'transaction signatures',
    // What the KLI filters read of a transaction (description, cleaned merchant and category,
    // code, MCC, counterparty), numbered once at import: a compute then reads a number per row
    // instead of its text (see bank/signatures.ts). Rows without one (loaded before this, or
    // re-cleaned since) are read by their text.
    sql: `
      CREATE TABLE transaction_signatures (
        id INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        merchant TEXT,
        category TEXT,
        code TEXT NOT NULL,
        mcc TEXT,
        counterparty TEXT
      ) STRICT;
      ALTER TABLE transactions ADD COLUMN signature_id INTEGER;
    `,
  },
  {
    version: 8,
    name: 'contact history and suppression data',
    sql: `
      -- Every piece sent to a customer (letters, emails, calls), and their response once matched.
      -- Month runs write it (plan/), response files complete it (measure/); audiences read it.
      CREATE TABLE contact_history (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        campaign TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('mail', 'email', 'phone', 'branch', 'online')),
        contacted_on TEXT NOT NULL,
        responded_on TEXT
      ) STRICT;
      CREATE INDEX contact_history_customer ON contact_history(customer_id, contacted_on);

      -- What the core export does not say but must keep a customer out of mailings: a bankruptcy,
      -- a complaint on file, a credit decline (dated, so "within N days" can be asked).
      CREATE TABLE customer_marks (
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        mark TEXT NOT NULL CHECK (mark IN ('bankruptcy', 'complaint', 'credit_decline')),
        marked_on TEXT NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY (customer_id, mark, marked_on)
      ) STRICT, WITHOUT ROWID;

      -- The users' own suppression lists (imported from a file): each a step of the waterfall.
      CREATE TABLE suppression_lists (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE TABLE suppression_list_members (
        list_id INTEGER NOT NULL REFERENCES suppression_lists(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        PRIMARY KEY (list_id, customer_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 9,
    name: 'audiences and their versions',
    sql: `
      CREATE TABLE audiences (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
      ) STRICT;

      -- Draft → submitted → approved → retired. An approved version never changes: editing it
      -- makes the next version, a draft. Rules are src-shared/audience.ts JSON.
      CREATE TABLE audience_versions (
        id INTEGER PRIMARY KEY,
        audience_id INTEGER NOT NULL REFERENCES audiences(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        rule TEXT NOT NULL,
        product_code TEXT,
        suppressions_off TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'retired')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        submitted_at TEXT,
        submitted_by TEXT,
        approved_at TEXT,
        approved_by TEXT,
        approval_comment TEXT,
        fair_lending TEXT,
        fair_lending_ack_by TEXT,
        retired_at TEXT,
        retired_by TEXT,
        UNIQUE (audience_id, version)
      ) STRICT;
    `,
  },
  {
    version: 10,
    name: 'KLI facts kept in parts',
    // A new month's facts are added as a part of their own instead of rewriting every account's
    // blob: id = account_id * 1024 + part (see kli/facts.ts). The facts are a cache: the next
    // compute rebuilds them in full.
    sql: `
      DROP TABLE kli_account_facts;
      CREATE TABLE kli_account_facts (
        id INTEGER PRIMARY KEY,
        facts BLOB NOT NULL
      ) STRICT;
      DELETE FROM settings WHERE key = 'kli_facts_state';
    `,
  },
  {
    version: 11,
    name: 'next-product scores',
    // One model per product family (its holdout quality and weights as JSON), and each scored
    // customer's rank 1–100, chance and strongest reasons ("3+,17-": feature index and the way
    // the customer differs from most; the labels live with the model).
    sql: `
      CREATE TABLE score_models (
        family TEXT PRIMARY KEY,
        trained_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        model TEXT NOT NULL
      ) STRICT;
      CREATE TABLE product_scores (
        family TEXT NOT NULL,
        customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 100),
        probability REAL NOT NULL,
        reasons TEXT NOT NULL,
        PRIMARY KEY (family, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX product_scores_customer ON product_scores(customer_id, family);
    `,
  },
  {
    version: 12,
    name: 'plan and letters',
    sql: `
      -- What a new account is worth, per product code, for projections and ROMI: balance in
      -- cents, annual spread (or margin) in basis points, annual fees, months kept, cost to open.
      CREATE TABLE product_economics (
        code TEXT PRIMARY KEY REFERENCES products(code) ON DELETE CASCADE,
        average_balance_cents INTEGER NOT NULL CHECK (average_balance_cents >= 0),
        spread_bps INTEGER NOT NULL CHECK (spread_bps BETWEEN -10000 AND 10000),
        annual_fee_cents INTEGER NOT NULL CHECK (annual_fee_cents >= 0),
        life_months INTEGER NOT NULL CHECK (life_months BETWEEN 1 AND 600),
        acquisition_cost_cents INTEGER NOT NULL CHECK (acquisition_cost_cents >= 0),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      -- Letter bodies (Handlebars: merge fields and conditional blocks).
      CREATE TABLE letter_templates (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE offers (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        product_code TEXT NOT NULL REFERENCES products(code),
        name TEXT NOT NULL,
        headline TEXT NOT NULL,
        body TEXT NOT NULL,
        incentive TEXT NOT NULL DEFAULT '',
        response_days INTEGER NOT NULL DEFAULT 90 CHECK (response_days BETWEEN 1 AND 730),
        -- JSON {"mail": dollars a piece, "email": …, "banner": …, "branch": …}: the channels used.
        channels TEXT NOT NULL,
        template_id INTEGER REFERENCES letter_templates(id),
        apy REAL,
        prescreened INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      -- The matrix: audiences in priority order (1 first), each month's offer per audience.
      CREATE TABLE plan_rows (
        audience_id INTEGER PRIMARY KEY REFERENCES audiences(id) ON DELETE CASCADE,
        priority INTEGER NOT NULL UNIQUE
      ) STRICT;
      CREATE TABLE plan_cells (
        month TEXT NOT NULL,
        audience_id INTEGER NOT NULL REFERENCES plan_rows(audience_id) ON DELETE CASCADE,
        offer_id INTEGER NOT NULL REFERENCES offers(id),
        PRIMARY KEY (month, audience_id)
      ) STRICT;

      -- A month run: reviewed, then final (immutable). The summary is the cells and waterfall as JSON.
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('review', 'final')),
        seed INTEGER NOT NULL,
        control_share REAL NOT NULL,
        drop_date TEXT NOT NULL,
        summary TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        finalized_at TEXT,
        finalized_by TEXT
      ) STRICT;
      CREATE UNIQUE INDEX runs_final_month ON runs(month) WHERE status = 'final';
      CREATE TABLE run_recipients (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        customer_id INTEGER NOT NULL REFERENCES customers(id),
        household_id INTEGER NOT NULL,
        audience_id INTEGER NOT NULL,
        offer_id INTEGER NOT NULL,
        grp TEXT NOT NULL CHECK (grp IN ('mailed', 'control')),
        keycode TEXT NOT NULL UNIQUE,
        PRIMARY KEY (run_id, customer_id, offer_id)
      ) STRICT;
      CREATE INDEX run_recipients_customer ON run_recipients(customer_id);
    `,
  },
  {
    version: 13,
    name: 'responses',
    sql: `
      -- A response file as imported: which profile read it, for which run (or every final run).
      CREATE TABLE response_imports (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        profile TEXT NOT NULL,
        run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
        fingerprint TEXT NOT NULL,
        rows INTEGER NOT NULL,
        not_responses INTEGER NOT NULL,
        matched INTEGER NOT NULL,
        unmatched INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
      ) STRICT;

      -- One response (a new account, an application, an approval, a keycode brought back) and
      -- how it was matched back to a household mailed or held out. Balances in cents.
      CREATE TABLE responses (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES response_imports(id) ON DELETE CASCADE,
        row INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('account', 'application', 'approval', 'keycode')),
        response_date TEXT NOT NULL,
        customer_number TEXT,
        account_number TEXT,
        product_code TEXT,
        family TEXT,
        keycode TEXT,
        name TEXT,
        address TEXT,
        zip TEXT,
        opening_balance_cents INTEGER,
        balance_30_cents INTEGER,
        balance_60_cents INTEGER,
        balance_90_cents INTEGER,
        customer_id INTEGER,
        household_id INTEGER,
        match_rule TEXT CHECK (match_rule IN ('customer_number', 'account_number', 'keycode', 'household', 'address', 'name_address')),
        match_score REAL,
        match_status TEXT NOT NULL CHECK (match_status IN ('matched', 'doubtful', 'confirmed', 'rejected', 'unmatched')),
        note TEXT
      ) STRICT;
      CREATE INDEX responses_household ON responses(household_id);
      CREATE INDEX responses_import ON responses(import_id);
    `,
  },
  {
    version: 14,
    name: 'campaign history',
    sql: `
      -- A past campaign's contact list with outcomes (no customer ids): the baseline response
      -- rates by segment, and for projections of the product family it offered.
      CREATE TABLE history_imports (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        family TEXT NOT NULL,
        file TEXT NOT NULL,
        contacts INTEGER NOT NULL,
        responders INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE history_contacts (
        import_id INTEGER NOT NULL REFERENCES history_imports(id) ON DELETE CASCADE,
        age_band TEXT,
        job TEXT,
        marital TEXT,
        education TEXT,
        channel TEXT,
        month TEXT,
        previous_outcome TEXT,
        responded INTEGER NOT NULL CHECK (responded IN (0, 1))
      ) STRICT;
      CREATE INDEX history_contacts_import ON history_contacts(import_id);
    `,
  },
  {
    version: 15,
    name: 'append-only audit log',
    sql: `
      -- The audit log only grows: an entry can be neither changed nor removed.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: an entry cannot be changed.'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: an entry cannot be removed.'); END;
    `,
  },
  {
    version: 16,
    name: 'people and roles',
    sql: `
      -- The people who use this database, each with a role and an optional PIN (scrypt, salted).
      -- A person who leaves is marked removed, never deleted: the audit log names them.
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('marketer', 'compliance', 'administrator')),
        pin_hash TEXT,
        created_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX people_name ON people(name) WHERE removed_at IS NULL;
    `,
  },
  {
    version: 17,
    name: 'erased customers',
    // A customer erased on request keeps their id and number; this says when the rest went.
    sql: `ALTER TABLE customers ADD COLUMN erased_at TEXT;`,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
