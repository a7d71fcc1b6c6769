#!/usr/bin/env pwsh
# Bootstrap for the Cake build: checks the .NET 10 SDK, restores the pinned tools, runs build/build.cake.
#   ./build.ps1 VerifyCaching --count=200
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error "The .NET SDK was not found on PATH. Install the .NET 10 SDK (https://dot.net) and run again."
    exit 1
}

$sdks = & dotnet --list-sdks
if (-not ($sdks | Where-Object { $_ -match '^10\.' })) {
    Write-Error "A .NET 10 SDK is required, but 'dotnet --list-sdks' shows: $sdks. Install the .NET 10 SDK (https://dot.net) and run again."
    exit 1
}

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

& dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }

$cakeArgs = @()
$rest = @($args)
if ($rest.Count -gt 0 -and -not $rest[0].StartsWith('-')) {
    $cakeArgs += "--target=$($rest[0])"
    $rest = $rest | Select-Object -Skip 1
}
if ($rest -contains '--help' -or $rest -contains '-h') {
    $cakeArgs = @('--target=Help')
    $rest = @()
}

& dotnet cake build/build.cake @cakeArgs @rest
exit $LASTEXITCODE
