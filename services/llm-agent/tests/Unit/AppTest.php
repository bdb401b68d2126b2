<?php

declare(strict_types=1);

namespace Platform\LlmAgent\Tests\Unit;

use Platform\LlmAgent\App;
use Platform\LlmAgent\Llm\Agent;
use Platform\LlmAgent\Llm\Completion;
use Platform\LlmAgent\Llm\LocalProvider;
use Platform\LlmAgent\Llm\OpenAiProvider;
use Platform\LlmAgent\Llm\Prompt;
use Platform\LlmAgent\Llm\Provider;
use Platform\LlmAgent\Llm\ProviderError;
use Platform\Shared\Config\ConfigError;
use Platform\Shared\Config\Env;
use Platform\Shared\Testing\TestKernel;
use PHPUnit\Framework\TestCase;

final class AppTest extends TestCase
{
    private MemoryCache $cache;
    private TestKernel $kernel;

    protected function setUp(): void
    {
        $this->cache = new MemoryCache();
        $this->kernel = new TestKernel((new App(new Agent(new LocalProvider(), $this->cache)))->router());
    }

    public function testLocalCompletionIsDeterministicAndCached(): void
    {
        [$status, $first] = $this->kernel->json(
            'POST',
            '/v1/completions',
            ['prompt' => 'classify this invoice please', 'max_tokens' => 4],
        );
        self::assertSame(200, $status);
        self::assertSame('local', $first['provider']);
        self::assertMatchesRegularExpression('/^\[local:[0-9a-f]{8}\] classify this$/', (string) $first['text']);
        self::assertSame(['prompt_tokens' => 4, 'completion_tokens' => 3], $first['usage']);
        self::assertFalse($first['cached']);
        [, $second] = $this->kernel->json(
            'POST',
            '/v1/completions',
            ['prompt' => 'classify this invoice please', 'max_tokens' => 4],
        );
        self::assertTrue($second['cached']);
        self::assertSame($first['text'], $second['text']);
    }

    public function testSampledCompletionsAreNotCached(): void
    {
        $this->kernel->call('POST', '/v1/completions', ['prompt' => 'x', 'temperature' => 0.7]);
        self::assertSame([], $this->cache->entries);
    }

    public function testSummaries(): void
    {
        [$status, $body] = $this->kernel->json('POST', '/v1/summaries', ['text' => 'long text', 'max_words' => 10]);
        self::assertSame(200, $status);
        self::assertStringContainsString('Summarize the following text in at most 10 words.', (string) $body['text']);
    }

    public function testProviderEndpoint(): void
    {
        self::assertSame(
            [200, ['provider' => 'local', 'model' => 'local-echo-1']],
            $this->kernel->json('GET', '/v1/provider'),
        );
    }

    public function testProviderFailureIs502(): void
    {
        $failing = new class implements Provider {
            public function name(): string
            {
                return 'broken';
            }

            public function model(): string
            {
                return 'm';
            }

            public function complete(Prompt $prompt): Completion
            {
                throw new ProviderError('LLM provider answered 500 without a completion');
            }
        };
        $kernel = new TestKernel((new App(new Agent($failing, $this->cache)))->router());
        [$status, $body] = $kernel->json('POST', '/v1/completions', ['prompt' => 'x']);
        self::assertSame([502, 'provider_error'], [$status, $body['error']]);
    }

    /** @return iterable<string, array{string, string, int, string}> */
    public static function badRequests(): iterable
    {
        yield 'malformed' => ['/v1/completions', '{"prompt"', 400, 'not valid JSON'];
        yield 'missing prompt' => ['/v1/completions', '{}', 422, 'prompt: is required'];
        yield 'prompt type' => ['/v1/completions', '{"prompt":{"a":1}}', 422, 'prompt: must be a string, got object'];
        yield 'max tokens' => [
            '/v1/completions',
            '{"prompt":"x","max_tokens":0}',
            422,
            'max_tokens: must be between 1 and 4096',
        ];
        yield 'max tokens type' => [
            '/v1/completions',
            '{"prompt":"x","max_tokens":1.5}',
            422,
            'max_tokens: must be an integer',
        ];
        yield 'temperature' => [
            '/v1/completions',
            '{"prompt":"x","temperature":3}',
            422,
            'temperature: must be between',
        ];
        yield 'temperature type' => [
            '/v1/completions',
            '{"prompt":"x","temperature":"hot"}',
            422,
            'temperature: must be a number, got string',
        ];
        yield 'summary text' => ['/v1/summaries', '{"max_words":10}', 422, 'text: is required'];
        yield 'summary words' => [
            '/v1/summaries',
            '{"text":"t","max_words":1}',
            422,
            'max_words: must be between 5 and 1000',
        ];
        yield 'summary body' => ['/v1/summaries', '[1]', 400, 'must be a JSON object'];
    }

    /** @dataProvider badRequests */
    public function testBadRequestsAreJson4xx(string $path, string $body, int $status, string $message): void
    {
        [$got, $decoded] = $this->kernel->json('POST', $path, $body);
        self::assertSame($status, $got);
        self::assertIsString($decoded['message']);
        self::assertStringContainsString($message, $decoded['message']);
    }

    public function testProviderSelection(): void
    {
        self::assertInstanceOf(LocalProvider::class, App::provider(new Env([])));
        $openai = App::provider(new Env(['LLM_PROVIDER' => 'openai', 'LLM_API_KEY' => 'k', 'LLM_MODEL' => 'm1']));
        self::assertInstanceOf(OpenAiProvider::class, $openai);
        self::assertSame(['openai', 'm1'], [$openai->name(), $openai->model()]);
    }

    /** @return iterable<string, array{array<string, string>, string}> */
    public static function badProviderConfig(): iterable
    {
        yield 'unknown' => [['LLM_PROVIDER' => 'magic'], 'LLM_PROVIDER must be "local" or "openai", got "magic"'];
        yield 'no key' => [['LLM_PROVIDER' => 'openai'], 'LLM_API_KEY is not set'];
    }

    /**
     * @dataProvider badProviderConfig
     * @param array<string, string> $env
     */
    public function testBadProviderConfigIsAConfigError(array $env, string $message): void
    {
        $this->expectException(ConfigError::class);
        $this->expectExceptionMessage($message);
        App::provider(new Env($env));
    }

    public function testWiresFromRuntimeWithoutConnecting(): void
    {
        $runtime = TestKernel::runtime(dirname(__DIR__, 2), ['REDIS_URL' => 'redis://127.0.0.1:1']);
        $kernel = new TestKernel(App::fromRuntime($runtime));
        self::assertSame(200, $kernel->call('GET', '/v1/provider')->status);
    }
}
