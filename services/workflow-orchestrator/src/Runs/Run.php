<?php

declare(strict_types=1);

namespace Platform\WorkflowOrchestrator\Runs;

/**
 * Holds one workflow run as stored.
 */
final class Run
{
    /** @param array<string, mixed> $input */
    public function __construct(
        public readonly string $id,
        public readonly string $workflow,
        public readonly string $state,
        public readonly array $input,
        public readonly int $attempt,
        public readonly int $version,
        public readonly ?string $error,
        public readonly string $createdAt,
        public readonly string $updatedAt,
    ) {
    }

    /** @return array<string, mixed> */
    public function toArray(): array
    {
        return [
            'id' => $this->id,
            'workflow' => $this->workflow,
            'state' => $this->state,
            'input' => (object) $this->input,
            'attempt' => $this->attempt,
            'version' => $this->version,
            'error' => $this->error,
            'created_at' => $this->createdAt,
            'updated_at' => $this->updatedAt,
        ];
    }

    /** @param array<string, scalar|null> $row */
    public static function fromRow(array $row): self
    {
        $input = json_decode((string) $row['input'], true);

        return new self(
            (string) $row['id'],
            (string) $row['workflow'],
            (string) $row['state'],
            is_array($input) ? $input : [],
            (int) $row['attempt'],
            (int) $row['version'],
            $row['error'] === null ? null : (string) $row['error'],
            (string) $row['created_at'],
            (string) $row['updated_at'],
        );
    }
}
