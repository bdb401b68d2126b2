<?php

declare(strict_types=1);

namespace Platform\FileStorage\Files;

/**
 * Holds a stored file's metadata.
 */
final class StoredFile
{
    public function __construct(
        public readonly string $id,
        public readonly string $name,
        public readonly string $contentType,
        public readonly int $size,
        public readonly string $sha256,
        public readonly string $createdAt,
    ) {
    }

    /** @return array<string, string|int> */
    public function toArray(): array
    {
        return [
            'id' => $this->id,
            'name' => $this->name,
            'content_type' => $this->contentType,
            'size' => $this->size,
            'sha256' => $this->sha256,
            'created_at' => $this->createdAt,
        ];
    }
}
