<?php

declare(strict_types=1);

namespace Platform\Validation\Schema;

/**
 * Names where a payload breaks its schema ($.items[0].name) and how.
 */
final class Violation
{
    public function __construct(public readonly string $path, public readonly string $message)
    {
    }

    /** @return array{path: string, message: string} */
    public function toArray(): array
    {
        return ['path' => $this->path, 'message' => $this->message];
    }
}
