<?php

declare(strict_types=1);

namespace Platform\Validation\Tests\Unit;

use Platform\Validation\Schema\SchemaError;
use Platform\Validation\Schema\Validator;
use Platform\Validation\Schema\Violation;
use PHPUnit\Framework\TestCase;

final class ValidatorTest extends TestCase
{
    /** @return iterable<string, array{string, string, list<string>}> schema, value, expected "path: message" */
    public static function cases(): iterable
    {
        yield 'true schema' => ['true', '1', []];
        yield 'false schema' => ['false', '1', ['$: no value is allowed here']];
        yield 'type ok' => ['{"type":"string"}', '"a"', []];
        yield 'type wrong' => ['{"type":"string"}', '1', ['$: must be string, got integer']];
        yield 'type list' => ['{"type":["string","null"]}', 'null', []];
        yield 'integer as number' => ['{"type":"number"}', '3', []];
        yield 'whole float as integer' => ['{"type":"integer"}', '3.0', []];
        yield 'fraction not integer' => ['{"type":"integer"}', '3.5', ['$: must be integer, got number']];
        yield 'enum' => ['{"enum":["a",1]}', '"b"', ['$: must be one of "a", 1']];
        yield 'enum ok' => ['{"enum":[{"a":1,"b":2}]}', '{"b":2,"a":1}', []];
        yield 'const' => ['{"const":1}', '1.0', []];
        yield 'const wrong' => ['{"const":true}', '1', ['$: must equal true']];
        yield 'minLength' => ['{"minLength":2}', '"é"', ['$: must be at least 2 characters long']];
        yield 'maxLength' => ['{"maxLength":1}', '"ab"', ['$: must be at most 1 characters long']];
        yield 'pattern' => ['{"pattern":"^a/b$"}', '"a/c"', ['$: must match pattern ^a/b$']];
        yield 'pattern ok' => ['{"pattern":"^a/b$"}', '"a/b"', []];
        yield 'minimum' => ['{"minimum":1,"maximum":3}', '0', ['$: must be >= 1']];
        yield 'maximum' => ['{"minimum":1,"maximum":3}', '4', ['$: must be <= 3']];
        yield 'exclusive' => ['{"exclusiveMinimum":1,"exclusiveMaximum":2}', '1', ['$: must be > 1']];
        yield 'exclusive max' => ['{"exclusiveMaximum":2}', '2.0', ['$: must be < 2']];
        yield 'items' => ['{"items":{"type":"integer"},"maxItems":2}', '[1,"x",3]', [
            '$: must have at most 2 items',
            '$[1]: must be integer, got string',
        ]];
        yield 'minItems' => ['{"minItems":1}', '[]', ['$: must have at least 1 items']];
        yield 'unique' => ['{"uniqueItems":true}', '[{"a":1},{"a":1}]', ['$: must not contain duplicate items']];
        yield 'required and nested' => [
            '{"type":"object","required":["a","b"],'
                . '"properties":{"a":{"type":"object","properties":{"c":{"type":"string"}}}}}',
            '{"a":{"c":5}}',
            ['$.b: is required', '$.a.c: must be string, got integer'],
        ];
        yield 'additional false' => ['{"properties":{"a":true},"additionalProperties":false}', '{"a":1,"z":2}', [
            '$.z: no value is allowed here',
        ]];
        yield 'annotations ignored' => ['{"title":"t","description":"d","$id":"x","default":1}', '1', []];
        yield 'null value passes non-type keywords' => ['{"minLength":3}', 'null', []];
    }

    /**
     * @dataProvider cases
     * @param list<string> $expected
     */
    public function testValidates(string $schema, string $value, array $expected): void
    {
        $violations = (new Validator())->validate(self::decode($schema), self::decode($value));
        self::assertSame(
            $expected,
            array_map(static fn (Violation $v): string => $v->path . ': ' . $v->message, $violations),
        );
    }

    /** @return iterable<string, array{string, string}> */
    public static function badSchemas(): iterable
    {
        yield 'not object' => ['[1]', 'schema at $ must be an object or a boolean, got array'];
        yield 'unknown keyword' => ['{"format":"email"}', 'unsupported keyword "format"'];
        yield 'bad type' => ['{"type":"text"}', '"type" must be one of null, boolean'];
        yield 'bad enum' => ['{"enum":[]}', '"enum" must be a non-empty array'];
        yield 'bad count' => ['{"minLength":-1}', '"minLength" must be a non-negative integer'];
        yield 'bad pattern' => ['{"pattern":"("}', '"pattern" must be a valid regular expression'];
        yield 'pattern type' => ['{"pattern":1}', '"pattern" must be a string'];
        yield 'bad bound' => ['{"minimum":"1"}', '"minimum" must be a number'];
        yield 'bad required' => ['{"required":"a"}', '"required" must be an array of property names'];
        yield 'bad required item' => ['{"required":[1]}', '"required" must be an array of property names'];
        yield 'bad properties' => ['{"properties":[]}', '"properties" must be an object of schemas'];
        yield 'nested' => ['{"items":{"type":5}}', 'schema at $[0]: "type" must be'];
    }

    /** @dataProvider badSchemas */
    public function testRejectsBadSchemas(string $schema, string $message): void
    {
        $value = str_contains($schema, 'pattern') || str_contains($schema, 'minLength') ? '"x"' : '{}';
        if (str_contains($schema, 'items') || str_contains($schema, 'properties')) {
            $value = str_contains($schema, 'items') ? '[1]' : '{"a":1}';
        }
        if (str_contains($schema, 'minimum')) {
            $value = '1';
        }
        $this->expectException(SchemaError::class);
        $this->expectExceptionMessage($message);
        (new Validator())->validate(self::decode($schema), self::decode($value));
    }

    private static function decode(string $json): mixed
    {
        return json_decode($json, false, 64, JSON_THROW_ON_ERROR);
    }
}
