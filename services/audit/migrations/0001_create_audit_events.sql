-- Append-only audit log: each row carries the hash of the previous one.
CREATE TABLE audit_events (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    resource text NOT NULL,
    metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
    prev_hash text NOT NULL,
    hash text NOT NULL UNIQUE
);

CREATE INDEX audit_events_resource ON audit_events (resource, id);
CREATE INDEX audit_events_actor ON audit_events (actor, id);
