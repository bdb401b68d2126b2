<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Llm;

use RuntimeException;

/**
 * Signals that the upstream model failed; the API answers 502.
 */
final class ProviderError extends RuntimeException
{
}
