<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

use Platform\Shared\Http\Client\ClientError;
use Platform\Shared\Http\Client\HttpClient;

/**
 * Calls an OpenAI-compatible chat completions API; the key is sent in a header only, never logged.
 */
final class OpenAiProvider implements Provider
{
    public function __construct(
        private readonly HttpClient $client,
        private readonly string $baseUrl,
        private readonly string $apiKey,
        private readonly string $model,
    ) {
    }

    public function name(): string
    {
        return 'openai';
    }

    public function model(): string
    {
        return $this->model;
    }

    public function complete(Prompt $prompt): Completion
    {
        try {
            $response = $this->client->send('POST', rtrim($this->baseUrl, '/') . '/v1/chat/completions', [
                'model' => $this->model,
                'messages' => [['role' => 'user', 'content' => $prompt->text]],
                'max_tokens' => $prompt->maxTokens,
                'temperature' => $prompt->temperature,
            ], ['Authorization' => 'Bearer ' . $this->apiKey]);
        } catch (ClientError $e) {
            throw new ProviderError('LLM provider unreachable: ' . $e->getMessage(), 0, $e);
        }
        $body = $response->json();
        $choices = $body['choices'] ?? null;
        $message = is_array($choices) && is_array($choices[0] ?? null) ? ($choices[0]['message'] ?? null) : null;
        $text = is_array($message) ? ($message['content'] ?? null) : null;
        if (!$response->ok() || !is_string($text)) {
            throw new ProviderError(sprintf('LLM provider answered %d without a completion', $response->status));
        }
        $usage = is_array($body['usage'] ?? null) ? $body['usage'] : [];

        return new Completion(
            $this->name(),
            $this->model,
            $text,
            is_int($usage['prompt_tokens'] ?? null) ? $usage['prompt_tokens'] : 0,
            is_int($usage['completion_tokens'] ?? null) ? $usage['completion_tokens'] : 0,
        );
    }
}
