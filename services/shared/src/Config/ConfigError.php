<?php

declare(strict_types=1);

namespace Platform\Shared\Config;

use RuntimeException;

/**
 * Signals a missing or malformed setting; the message names the variable and how to fix it.
 */
final class ConfigError extends RuntimeException
{
}
