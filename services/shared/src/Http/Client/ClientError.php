<?php

declare(strict_types=1);

namespace Platform\Shared\Http\Client;

use RuntimeException;

/**
 * Signals that an upstream gave no HTTP answer at all.
 */
final class ClientError extends RuntimeException
{
}
