<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

/**
 * Holds what is asked of a model.
 */
final class Prompt
{
    public function __construct(
        public readonly string $text,
        public readonly int $maxTokens,
        public readonly float $temperature,
    ) {
    }

    /** Keys the cache: same provider, model and prompt at temperature 0 give the same answer. */
    public function cacheKey(string $provider, string $model): string
    {
        return hash('sha256', json_encode([$provider, $model, $this->text, $this->maxTokens], JSON_THROW_ON_ERROR));
    }
}
