<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

/**
 * Remembers completions by prompt key.
 */
interface CompletionCache
{
    public function get(string $key): ?Completion;

    public function put(string $key, Completion $completion): void;
}
