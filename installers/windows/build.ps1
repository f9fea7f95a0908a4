# Build the Windows installer: the one-folder app (PyInstaller), its self-test, optional signing,
# then the Inno Setup installer. Run from the repository's root in PowerShell:
#   powershell -ExecutionPolicy Bypass -File installers\windows\build.ps1
# Needs: Python 3.11+ (python.org, 64-bit), Inno Setup 6.3+ (iscc on PATH or in its default folder).
# To sign, set PLCLASSROOM_SIGN_CERT to the certificate's SHA-1 thumbprint (in the certificate store;
# signtool from the Windows SDK on PATH). See installers\README.md.
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv\Scripts\python.exe)) { python -m venv .venv }
.venv\Scripts\python -m pip install -q --upgrade pip
.venv\Scripts\python -m pip install -q -c requirements.lock -e ".[test]"
.venv\Scripts\pyinstaller --noconfirm installers\plclassroom.spec

# The windowed program has no console: --self-test answers by its exit code and writes its
# report to %TEMP%\plclassroom-self-test.txt.
$test = Start-Process -FilePath dist\plclassroom\plclassroom.exe -ArgumentList "--self-test" -Wait -PassThru
Get-Content (Join-Path $env:TEMP "plclassroom-self-test.txt")
if ($test.ExitCode -ne 0) { throw "The built program failed its self-test (exit code $($test.ExitCode))." }

$version = (.venv\Scripts\python -c "import plclassroom; print(plclassroom.__version__)").Trim()
$timestamp = "http://timestamp.digicert.com"
if ($env:PLCLASSROOM_SIGN_CERT) {
    signtool sign /sha1 $env:PLCLASSROOM_SIGN_CERT /fd SHA256 /tr $timestamp /td SHA256 dist\plclassroom\plclassroom.exe
}

$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
if ($env:PLCLASSROOM_SIGN_CERT) {
    & $iscc "/DAppVersion=$version" "/Ssigntool=signtool sign /sha1 $env:PLCLASSROOM_SIGN_CERT /fd SHA256 /tr $timestamp /td SHA256 `$f" `
        "/DSignIt=1" installers\windows\plclassroom.iss
} else {
    & $iscc "/DAppVersion=$version" installers\windows\plclassroom.iss
}
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
Write-Host "dist\plclassroom-$version-setup.exe"
