<?php

declare(strict_types=1);

// The PHP-CS-Fixer rules of every platform package, so each package's
// .php-cs-fixer.dist.php is one line; the pipeline pins the PHP-CS-Fixer version.
return static function (string $dir): PhpCsFixer\ConfigInterface {
    return (new PhpCsFixer\Config())
        ->setRiskyAllowed(true)
        ->setRules([
            '@PSR12' => true,
            '@PHP82Migration' => true,
            'declare_strict_types' => true,
            'strict_param' => true,
            'no_unused_imports' => true,
            'ordered_imports' => true,
        ])
        ->setFinder(PhpCsFixer\Finder::create()->in($dir)->exclude(['vendor', 'build']));
};
