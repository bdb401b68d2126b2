<?php

declare(strict_types=1);

namespace Platform\Validation\Schema;

use stdClass;

/**
 * Validates a decoded JSON value against a JSON schema subset.
 *
 * Supported: type, enum, const, properties, required, additionalProperties,
 * items, minItems, maxItems, uniqueItems, minLength, maxLength, pattern,
 * minimum, maximum, exclusiveMinimum, exclusiveMaximum; annotations ($schema,
 * $id, title, description, default, examples) are ignored. Any other keyword is
 * a SchemaError rather than being silently skipped.
 */
final class Validator
{
    public const TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];
    private const ANNOTATIONS = ['$schema', '$id', 'title', 'description', 'default', 'examples'];
    private const KEYWORDS = [
        'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'minItems',
        'maxItems', 'uniqueItems', 'minLength', 'maxLength', 'pattern', 'minimum', 'maximum',
        'exclusiveMinimum', 'exclusiveMaximum',
    ];

    /**
     * Returns every violation; an empty list means the value is valid.
     *
     * @return list<Violation>
     */
    public function validate(mixed $schema, mixed $value, string $path = '$'): array
    {
        if (is_bool($schema)) {
            return $schema ? [] : [new Violation($path, 'no value is allowed here')];
        }
        if (!$schema instanceof stdClass) {
            throw new SchemaError(
                sprintf('schema at %s must be an object or a boolean, got %s', $path, Json::type($schema)),
            );
        }
        $keywords = Json::fields($schema);
        foreach (array_keys($keywords) as $keyword) {
            if (!in_array($keyword, self::KEYWORDS, true) && !in_array($keyword, self::ANNOTATIONS, true)) {
                throw new SchemaError(sprintf(
                    'schema at %s uses unsupported keyword "%s"; supported: %s',
                    $path,
                    $keyword,
                    implode(', ', self::KEYWORDS),
                ));
            }
        }
        $rules = new Rules($keywords, $path);
        $violations = $rules->generic($value);
        if ($violations !== []) {
            return $violations;
        }

        return match (true) {
            is_string($value) => $rules->string($value),
            is_int($value), is_float($value) => $rules->number($value),
            is_array($value) => $this->arrayItems($rules, $keywords['items'] ?? true, $value, $path),
            $value instanceof stdClass => $this->objectFields($rules, $keywords, $value, $path),
            default => [],
        };
    }

    /**
     * @param list<mixed> $value
     * @return list<Violation>
     */
    private function arrayItems(Rules $rules, mixed $items, array $value, string $path): array
    {
        $violations = $rules->array($value);
        foreach ($value as $index => $item) {
            array_push($violations, ...$this->validate($items, $item, sprintf('%s[%d]', $path, $index)));
        }

        return $violations;
    }

    /**
     * @param array<string, mixed> $keywords
     * @return list<Violation>
     */
    private function objectFields(Rules $rules, array $keywords, stdClass $value, string $path): array
    {
        $violations = $rules->required($value);
        $properties = $keywords['properties'] ?? new stdClass();
        if (!$properties instanceof stdClass) {
            throw new SchemaError(sprintf('schema at %s: "properties" must be an object of schemas', $path));
        }
        $known = Json::fields($properties);
        $additional = $keywords['additionalProperties'] ?? true;
        foreach (Json::fields($value) as $name => $fieldValue) {
            $fieldPath = $path . '.' . $name;
            $fieldSchema = array_key_exists($name, $known) ? $known[$name] : $additional;
            array_push($violations, ...$this->validate($fieldSchema, $fieldValue, $fieldPath));
        }

        return $violations;
    }
}
