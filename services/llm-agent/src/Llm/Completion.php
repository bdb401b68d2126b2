<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

/**
 * Holds a model's answer and its token usage.
 */
final class Completion
{
    public function __construct(
        public readonly string $provider,
        public readonly string $model,
        public readonly string $text,
        public readonly int $promptTokens,
        public readonly int $completionTokens,
        public readonly bool $cached = false,
    ) {
    }

    /** @return array{provider: string, model: string, text: string, usage: array{prompt_tokens: int, completion_tokens: int}, cached: bool} */
    public function toArray(): array
    {
        return [
            'provider' => $this->provider,
            'model' => $this->model,
            'text' => $this->text,
            'usage' => ['prompt_tokens' => $this->promptTokens, 'completion_tokens' => $this->completionTokens],
            'cached' => $this->cached,
        ];
    }

    public function fromCache(): self
    {
        return new self($this->provider, $this->model, $this->text, $this->promptTokens, $this->completionTokens, true);
    }
}
