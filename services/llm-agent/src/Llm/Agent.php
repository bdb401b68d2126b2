<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

/**
 * Completes prompts through the provider, serving repeated deterministic prompts from the cache.
 */
final class Agent
{
    public function __construct(private readonly Provider $provider, private readonly CompletionCache $cache)
    {
    }

    public function provider(): Provider
    {
        return $this->provider;
    }

    public function complete(Prompt $prompt): Completion
    {
        if ($prompt->temperature > 0.0) {
            return $this->provider->complete($prompt);
        }
        $key = $prompt->cacheKey($this->provider->name(), $this->provider->model());
        $cached = $this->cache->get($key);
        if ($cached !== null) {
            return $cached->fromCache();
        }
        $completion = $this->provider->complete($prompt);
        $this->cache->put($key, $completion);

        return $completion;
    }

    /** Summarises text in at most maxWords words with a fixed instruction. */
    public function summarize(string $text, int $maxWords): Completion
    {
        $instruction = sprintf("Summarize the following text in at most %d words.\n\n", $maxWords);

        return $this->complete(new Prompt($instruction . $text, (int) ceil($maxWords * 1.5), 0.0));
    }
}
