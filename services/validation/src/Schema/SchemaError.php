<?php

declare(strict_types=1);

namespace Platform\Validation\Schema;

use InvalidArgumentException;

/**
 * Signals a schema that uses an unsupported keyword or a keyword with a wrong value.
 */
final class SchemaError extends InvalidArgumentException
{
}
