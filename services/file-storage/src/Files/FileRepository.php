<?php

declare(strict_types=1);

namespace Platform\FileStorage\Files;

use Platform\Shared\Db\Sql;
use RuntimeException;

/**
 * Keeps files in the files table; content travels as base64 so bytea never meets a text parameter.
 */
final class FileRepository
{
    private const META = "id::text AS id, name, content_type, size_bytes, sha256,"
        . " to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS created_at";

    public function __construct(private readonly Sql $db)
    {
    }

    public function save(Upload $upload): StoredFile
    {
        $row = $this->db->fetchOne(
            'INSERT INTO files (name, content_type, size_bytes, sha256, content)'
            . " VALUES (:name, :type, :size, :sha, decode(:content, 'base64')) RETURNING " . self::META,
            [
                'name' => $upload->name,
                'type' => $upload->contentType,
                'size' => $upload->size(),
                'sha' => $upload->sha256,
                'content' => base64_encode($upload->content),
            ],
        );

        return self::file((array) $row);
    }

    public function find(string $id): ?StoredFile
    {
        if (!self::isUuid($id)) {
            return null;
        }
        $row = $this->db->fetchOne('SELECT ' . self::META . ' FROM files WHERE id = CAST(:id AS uuid)', ['id' => $id]);

        return $row === null ? null : self::file($row);
    }

    /** Returns the content, after checking it still matches its checksum. */
    public function content(StoredFile $file): string
    {
        $row = $this->db->fetchOne(
            "SELECT encode(content, 'base64') AS content FROM files WHERE id = CAST(:id AS uuid)",
            ['id' => $file->id],
        );
        $content = base64_decode(str_replace("\n", '', (string) ($row['content'] ?? '')), true);
        if ($content === false || hash('sha256', $content) !== $file->sha256) {
            throw new RuntimeException(
                sprintf('file %s failed its checksum check: stored content is corrupt', $file->id),
            );
        }

        return $content;
    }

    /** @return list<StoredFile> newest first */
    public function list(int $limit): array
    {
        $rows = $this->db->fetchAll(
            'SELECT ' . self::META . ' FROM files ORDER BY created_at DESC, id LIMIT :limit',
            ['limit' => $limit],
        );

        return array_map([self::class, 'file'], $rows);
    }

    public function delete(string $id): bool
    {
        $sql = 'DELETE FROM files WHERE id = CAST(:id AS uuid)';

        return self::isUuid($id) && $this->db->execute($sql, ['id' => $id]) > 0;
    }

    private static function isUuid(string $id): bool
    {
        return preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i', $id) === 1;
    }

    /** @param array<string, scalar|null> $row */
    private static function file(array $row): StoredFile
    {
        return new StoredFile(
            (string) $row['id'],
            (string) $row['name'],
            (string) $row['content_type'],
            (int) $row['size_bytes'],
            trim((string) $row['sha256']),
            (string) $row['created_at'],
        );
    }
}
