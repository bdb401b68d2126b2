<?php

declare(strict_types=1);

namespace Platform\Validation\Schema;

use stdClass;

/**
 * Helpers for JSON values decoded with objects as stdClass.
 */
final class Json
{
    /** Names a value's JSON type. */
    public static function type(mixed $value): string
    {
        return match (true) {
            $value === null => 'null',
            is_bool($value) => 'boolean',
            is_int($value) => 'integer',
            is_float($value) => 'number',
            is_string($value) => 'string',
            is_array($value) => 'array',
            default => 'object',
        };
    }

    /** Encodes a value with object keys sorted, so equal JSON values encode equally. */
    public static function canonical(mixed $value): string
    {
        return json_encode(self::sorted($value), JSON_THROW_ON_ERROR | JSON_PRESERVE_ZERO_FRACTION);
    }

    /** @return array<string, mixed> */
    public static function fields(stdClass $object): array
    {
        $fields = [];
        foreach (get_object_vars($object) as $key => $value) {
            $fields[(string) $key] = $value;
        }

        return $fields;
    }

    private static function sorted(mixed $value): mixed
    {
        if ($value instanceof stdClass) {
            $fields = array_map([self::class, 'sorted'], self::fields($value));
            ksort($fields, SORT_STRING);

            return (object) $fields;
        }
        if (is_array($value)) {
            return array_map([self::class, 'sorted'], $value);
        }
        if (is_float($value) && floor($value) === $value && abs($value) < 1e15) {
            return (int) $value;
        }

        return $value;
    }
}
