<?php

declare(strict_types=1);

namespace Platform\Audit\Log;

use Platform\Shared\Db\Sql;

/**
 * Keeps events in audit_events; a transaction-scoped advisory lock serialises appends.
 */
final class PostgresEventStore implements EventStore
{
    private const APPEND_LOCK = 7_242_016_201;
    private const COLUMNS = 'id,'
        . " to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS occurred_at,"
        . ' actor, action, resource, metadata::text AS metadata, prev_hash, hash';

    public function __construct(private readonly Sql $db)
    {
    }

    public function append(NewEvent $event): Event
    {
        return $this->db->transaction(function () use ($event): Event {
            $this->db->execute('SELECT pg_advisory_xact_lock(' . self::APPEND_LOCK . ')');
            $last = $this->db->fetchOne('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1');
            $prev = $last === null ? Chain::GENESIS : (string) $last['hash'];
            $row = $this->db->fetchOne(
                'INSERT INTO audit_events (occurred_at, actor, action, resource, metadata, prev_hash, hash)'
                . ' VALUES (:at, :actor, :action, :resource, CAST(:metadata AS jsonb), :prev, :hash)'
                . ' RETURNING ' . self::COLUMNS,
                [
                    'at' => $event->occurredAt,
                    'actor' => $event->actor,
                    'action' => $event->action,
                    'resource' => $event->resource,
                    'metadata' => Chain::canonical($event->metadata),
                    'prev' => $prev,
                    'hash' => Chain::hash($prev, $event),
                ],
            );

            return self::event((array) $row);
        });
    }

    public function find(int $id): ?Event
    {
        $row = $this->db->fetchOne('SELECT ' . self::COLUMNS . ' FROM audit_events WHERE id = :id', ['id' => $id]);

        return $row === null ? null : self::event($row);
    }

    public function list(?string $resource, ?string $actor, int $afterId, int $limit): array
    {
        $rows = $this->db->fetchAll(
            'SELECT ' . self::COLUMNS . ' FROM audit_events WHERE id > :after'
            . ' AND (CAST(:resource1 AS text) IS NULL OR resource = :resource2)'
            . ' AND (CAST(:actor1 AS text) IS NULL OR actor = :actor2)'
            . ' ORDER BY id LIMIT :limit',
            [
                'after' => $afterId,
                'resource1' => $resource,
                'resource2' => $resource,
                'actor1' => $actor,
                'actor2' => $actor,
                'limit' => $limit,
            ],
        );

        return array_map([self::class, 'event'], $rows);
    }

    /** @param array<string, scalar|null> $row */
    private static function event(array $row): Event
    {
        $metadata = json_decode((string) $row['metadata'], true);

        return new Event(
            (int) $row['id'],
            (string) $row['occurred_at'],
            (string) $row['actor'],
            (string) $row['action'],
            (string) $row['resource'],
            is_array($metadata) ? $metadata : [],
            (string) $row['prev_hash'],
            (string) $row['hash'],
        );
    }
}
