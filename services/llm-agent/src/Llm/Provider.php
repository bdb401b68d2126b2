<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

/**
 * Answers prompts with a language model.
 */
interface Provider
{
    /** Names the provider (local, openai). */
    public function name(): string;

    public function model(): string;

    /** Completes the prompt; throws ProviderError when the model gave no usable answer. */
    public function complete(Prompt $prompt): Completion;
}
