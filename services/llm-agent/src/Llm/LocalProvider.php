<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

/**
 * Answers deterministically without a network: the same prompt always gives the same text.
 *
 * For tests and development (LLM_PROVIDER=local). It echoes the prompt's leading
 * words and a digest, within max_tokens, so callers can check what was asked.
 */
final class LocalProvider implements Provider
{
    public function name(): string
    {
        return 'local';
    }

    public function model(): string
    {
        return 'local-echo-1';
    }

    public function complete(Prompt $prompt): Completion
    {
        $words = preg_split('/\s+/', trim($prompt->text), -1, PREG_SPLIT_NO_EMPTY) ?: [];
        $budget = max(1, $prompt->maxTokens - 2);
        $answer = array_merge(
            ['[local:' . substr(hash('sha256', $prompt->text), 0, 8) . ']'],
            array_slice($words, 0, $budget),
        );

        return new Completion($this->name(), $this->model(), implode(' ', $answer), count($words), count($answer));
    }
}
