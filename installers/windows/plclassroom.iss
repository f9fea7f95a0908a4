; Inno Setup script: a Windows installer (plclassroom-<version>-setup.exe) around the one-folder
; PyInstaller build in dist\plclassroom. Built by installers\windows\build.ps1, or by hand:
;   iscc /DAppVersion=0.1.0 installers\windows\plclassroom.iss
; Inno Setup 6.3 or newer (https://jrsoftware.org/isinfo.php). Paths here are relative to this file.
;
; It installs for the current user by default (no administrator rights: a teacher's laptop often
; has none), or for everyone when run as administrator / with /ALLUSERS. It leaves the teacher's
; data alone on uninstall: the databases live in %LOCALAPPDATA%\plclassroom, not in {app}.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "plclassroom"
#define AppExe "plclassroom.exe"
#define BuildDir "..\..\dist\plclassroom"

[Setup]
; The AppId identifies the app to Windows across versions: never change it.
AppId={{2860F891-A6B6-4BD8-8F06-A99917A8DA6B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=plclassroom contributors
AppComments=Offline-first personalised learning for K-12 classrooms
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=plclassroom.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
; Signing (optional): build.ps1 passes the sign tool (/Ssigntool=...) and /DSignIt=1 when
; PLCLASSROOM_SIGN_CERT is set; in the Inno Setup IDE, define "signtool" under Tools > Configure Sign Tools.
#ifdef SignIt
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; A new version replaces the program's folder whole: no library of an older build stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} (demo school)"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
