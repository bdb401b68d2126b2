-- Files with their SHA-256 checksum; the size is checked against the content.
CREATE TABLE files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL,
    content_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    sha256 char(64) NOT NULL,
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT files_size_matches CHECK (octet_length(content) = size_bytes)
);

CREATE INDEX files_sha256 ON files (sha256);
CREATE INDEX files_created_at ON files (created_at, id);
