<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Tests\Unit;

use Platform\Shared\Testing\FakeSql;

/**
 * Simulates workflow_runs and workflow_transitions behind FakeSql, for the statements RunRepository sends.
 */
final class RunsTable
{
    /** @var array<string, array<string, scalar|null>> */
    public array $runs = [];
    /** @var list<array<string, scalar|null>> */
    public array $transitions = [];

    public function sql(): FakeSql
    {
        return new FakeSql(fn (string $sql, array $p): array => match (true) {
            str_starts_with($sql, 'INSERT INTO workflow_runs') => [$this->insert($p)],
            str_starts_with($sql, 'UPDATE') => $this->update($p),
            str_starts_with($sql, 'INSERT INTO workflow_transitions') => $this->record($p),
            str_contains($sql, 'FROM workflow_transitions') => array_values(array_filter(
                $this->transitions,
                static fn (array $t): bool => $t['run_id'] === $p['id'],
            )),
            str_contains($sql, 'WHERE id') => array_values(
                array_intersect_key($this->runs, [(string) $p['id'] => true]),
            ),
            default => array_slice(array_values(array_filter(
                $this->runs,
                static fn (array $r): bool => $p['s1'] === null || $r['state'] === $p['s2'],
            )), 0, (int) $p['limit']),
        });
    }

    /**
     * @param array<string, scalar|null> $p
     * @return array<string, scalar|null>
     */
    private function insert(array $p): array
    {
        $id = sprintf('00000000-0000-4000-8000-%012d', count($this->runs) + 1);

        return $this->runs[$id] = [
            'id' => $id,
            'workflow' => $p['workflow'],
            'state' => 'pending',
            'input' => $p['input'],
            'attempt' => 1,
            'version' => 1,
            'error' => null,
            'created_at' => '2026-01-01T00:00:00.000Z',
            'updated_at' => '2026-01-01T00:00:00.000Z',
        ];
    }

    /**
     * @param array<string, scalar|null> $p
     * @return list<array<string, scalar|null>>
     */
    private function update(array $p): array
    {
        $id = (string) $p['id'];
        if (($this->runs[$id]['version'] ?? null) !== $p['version']) {
            return [];
        }
        $row = $this->runs[$id];
        $row['state'] = $p['to'];
        $row['error'] = $p['error'];
        $row['version'] = (int) $row['version'] + 1;
        $row['attempt'] = (int) $row['attempt'] + ($p['event'] === 'retry' ? 1 : 0);

        return [$this->runs[$id] = $row];
    }

    /**
     * @param array<string, scalar|null> $p
     * @return list<array<string, scalar|null>>
     */
    private function record(array $p): array
    {
        $this->transitions[] = [
            'run_id' => $p['id'],
            'event' => $p['event'],
            'from_state' => $p['from'],
            'to_state' => $p['to'],
            'at' => '2026-01-01T00:00:01.000Z',
        ];

        return [];
    }
}
