<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Runs;

use Platform\Shared\Db\Sql;
use Platform\Shared\Http\HttpError;

/**
 * Persists runs and their transitions; a version column makes concurrent transitions fail instead of interleave.
 */
final class RunRepository
{
    private const COLUMNS = 'id::text AS id, workflow, state, input::text AS input, attempt, version, error,'
        . " to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS created_at,"
        . " to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS updated_at";

    public function __construct(private readonly Sql $db)
    {
    }

    /** @param array<string, mixed> $input */
    public function create(string $workflow, array $input): Run
    {
        $row = $this->db->fetchOne(
            "INSERT INTO workflow_runs (workflow, state, input) VALUES (:workflow, 'pending', CAST(:input AS jsonb))"
            . ' RETURNING ' . self::COLUMNS,
            ['workflow' => $workflow, 'input' => json_encode((object) $input, JSON_THROW_ON_ERROR)],
        );

        return Run::fromRow((array) $row);
    }

    public function find(string $id): ?Run
    {
        if (preg_match('/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i', $id) !== 1) {
            return null;
        }
        $row = $this->db->fetchOne(
            'SELECT ' . self::COLUMNS . ' FROM workflow_runs WHERE id = CAST(:id AS uuid)',
            ['id' => $id],
        );

        return $row === null ? null : Run::fromRow($row);
    }

    /** @return list<Run> */
    public function list(?string $state, int $limit): array
    {
        $rows = $this->db->fetchAll(
            'SELECT ' . self::COLUMNS . ' FROM workflow_runs WHERE (CAST(:s1 AS text) IS NULL OR state = :s2)'
            . ' ORDER BY created_at DESC, id LIMIT :limit',
            ['s1' => $state, 's2' => $state, 'limit' => $limit],
        );

        return array_map([Run::class, 'fromRow'], $rows);
    }

    /** Moves the run to state `to` if nobody moved it since it was read; records the transition. */
    public function transition(Run $run, string $event, string $to, ?string $error): Run
    {
        return $this->db->transaction(function () use ($run, $event, $to, $error): Run {
            $row = $this->db->fetchOne(
                'UPDATE workflow_runs SET state = :to, version = version + 1, updated_at = now(), error = :error,'
                . " attempt = attempt + CASE WHEN :event = 'retry' THEN 1 ELSE 0 END"
                . ' WHERE id = CAST(:id AS uuid) AND version = :version RETURNING ' . self::COLUMNS,
                ['to' => $to, 'error' => $error, 'event' => $event, 'id' => $run->id, 'version' => $run->version],
            );
            if ($row === null) {
                throw HttpError::conflict(sprintf('run %s changed concurrently; read it again and retry', $run->id));
            }
            $this->db->execute(
                'INSERT INTO workflow_transitions (run_id, event, from_state, to_state)'
                . ' VALUES (CAST(:id AS uuid), :event, :from, :to)',
                ['id' => $run->id, 'event' => $event, 'from' => $run->state, 'to' => $to],
            );

            return Run::fromRow($row);
        });
    }

    /** @return list<array{event: string, from: string, to: string, at: string}> */
    public function history(string $id): array
    {
        $rows = $this->db->fetchAll(
            'SELECT event, from_state, to_state,'
            . " to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS at"
            . ' FROM workflow_transitions WHERE run_id = CAST(:id AS uuid) ORDER BY id',
            ['id' => $id],
        );

        return array_map(static fn (array $r): array => [
            'event' => (string) $r['event'],
            'from' => (string) $r['from_state'],
            'to' => (string) $r['to_state'],
            'at' => (string) $r['at'],
        ], $rows);
    }
}
