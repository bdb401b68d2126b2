<?php

declare(strict_types=1);

namespace Platform\FileStorage\Tests\Unit;

use Platform\Shared\Testing\FakeSql;

/**
 * Simulates the files table behind FakeSql, keyed on the statements FileRepository sends.
 */
final class FilesTable
{
    /** @var array<string, array<string, scalar|null>> */
    public array $rows = [];

    public function sql(): FakeSql
    {
        return new FakeSql(function (string $sql, array $params): array {
            $id = (string) ($params['id'] ?? '');

            return match (true) {
                str_starts_with($sql, 'INSERT') => [$this->insert($params)],
                str_starts_with($sql, 'DELETE') => $this->delete($id),
                str_contains($sql, 'encode(content') => array_map(
                    static fn (array $row): array => ['content' => $row['content']],
                    array_values(array_intersect_key($this->rows, [$id => true])),
                ),
                str_contains($sql, 'WHERE id') => isset($this->rows[$id]) ? [$this->rows[$id]] : [],
                default => array_slice(array_values($this->rows), 0, (int) ($params['limit'] ?? 0)),
            };
        });
    }

    /**
     * @param array<string, scalar|null> $params
     * @return array<string, scalar|null>
     */
    private function insert(array $params): array
    {
        $id = sprintf('00000000-0000-4000-8000-%012d', count($this->rows) + 1);
        $this->rows[$id] = [
            'id' => $id,
            'name' => $params['name'],
            'content_type' => $params['type'],
            'size_bytes' => $params['size'],
            'sha256' => $params['sha'],
            'created_at' => '2026-01-01T00:00:00Z',
            'content' => chunk_split((string) $params['content'], 76, "\n"),
        ];

        return $this->rows[$id];
    }

    /** @return list<array<string, scalar|null>> */
    private function delete(string $id): array
    {
        if (!isset($this->rows[$id])) {
            return [];
        }
        unset($this->rows[$id]);

        return [['deleted' => 1]];
    }
}
