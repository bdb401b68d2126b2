<?php

declare(strict_types=1);

namespace Platform\Audit\Log;

/**
 * Holds an event to append, before it has an id and a place in the chain.
 */
final class NewEvent
{
    /** @param array<string, mixed> $metadata */
    public function __construct(
        public readonly string $occurredAt,
        public readonly string $actor,
        public readonly string $action,
        public readonly string $resource,
        public readonly array $metadata,
    ) {
    }
}
