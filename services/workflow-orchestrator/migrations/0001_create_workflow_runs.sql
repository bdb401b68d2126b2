-- Workflow runs and the history of their state transitions.
CREATE TABLE workflow_runs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workflow text NOT NULL,
    state text NOT NULL CHECK (state IN ('pending', 'running', 'succeeded', 'failed', 'cancelled')),
    input jsonb NOT NULL DEFAULT '{}'::jsonb,
    attempt integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    version integer NOT NULL DEFAULT 1,
    error text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX workflow_runs_state ON workflow_runs (state, created_at);

CREATE TABLE workflow_transitions (
    id bigserial PRIMARY KEY,
    run_id uuid NOT NULL REFERENCES workflow_runs (id) ON DELETE CASCADE,
    event text NOT NULL,
    from_state text NOT NULL,
    to_state text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX workflow_transitions_run ON workflow_transitions (run_id, id);
