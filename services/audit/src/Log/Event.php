<?php

declare(strict_types=1);

namespace Platform\Audit\Log;

/**
 * Holds one recorded audit event.
 */
final class Event
{
    /** @param array<string, mixed> $metadata */
    public function __construct(
        public readonly int $id,
        public readonly string $occurredAt,
        public readonly string $actor,
        public readonly string $action,
        public readonly string $resource,
        public readonly array $metadata,
        public readonly string $prevHash,
        public readonly string $hash,
    ) {
    }

    /** @return array<string, mixed> */
    public function toArray(): array
    {
        return [
            'id' => $this->id,
            'occurred_at' => $this->occurredAt,
            'actor' => $this->actor,
            'action' => $this->action,
            'resource' => $this->resource,
            'metadata' => (object) $this->metadata,
            'prev_hash' => $this->prevHash,
            'hash' => $this->hash,
        ];
    }
}
