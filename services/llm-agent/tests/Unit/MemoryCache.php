<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Tests\Unit;

use Platform\LlmAgent\Llm\Completion;
use Platform\LlmAgent\Llm\CompletionCache;

/**
 * Keeps cached completions in memory.
 */
final class MemoryCache implements CompletionCache
{
    /** @var array<string, Completion> */
    public array $entries = [];

    public function get(string $key): ?Completion
    {
        return $this->entries[$key] ?? null;
    }

    public function put(string $key, Completion $completion): void
    {
        $this->entries[$key] = $completion;
    }
}
