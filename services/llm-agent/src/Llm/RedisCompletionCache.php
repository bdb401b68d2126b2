<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

use Platform\Shared\Redis\RedisConnection;

/**
 * Caches deterministic completions (temperature 0) in Redis for CACHE_TTL seconds.
 */
final class RedisCompletionCache implements CompletionCache
{
    public function __construct(private readonly RedisConnection $redis, private readonly int $ttl)
    {
    }

    public function get(string $key): ?Completion
    {
        $raw = $this->redis->client()->get('completion:' . $key);
        $data = is_string($raw) ? json_decode($raw, true) : null;
        if (!is_array($data) || !is_string($data['text'] ?? null)) {
            return null;
        }

        return new Completion(
            (string) ($data['provider'] ?? ''),
            (string) ($data['model'] ?? ''),
            $data['text'],
            (int) ($data['prompt_tokens'] ?? 0),
            (int) ($data['completion_tokens'] ?? 0),
            true,
        );
    }

    public function put(string $key, Completion $completion): void
    {
        if ($this->ttl === 0) {
            return;
        }
        $this->redis->client()->setEx('completion:' . $key, $this->ttl, json_encode([
            'provider' => $completion->provider,
            'model' => $completion->model,
            'text' => $completion->text,
            'prompt_tokens' => $completion->promptTokens,
            'completion_tokens' => $completion->completionTokens,
        ], JSON_THROW_ON_ERROR));
    }
}
