; Inno Setup 6 script for the Windows installer of readerapp (packaging/README.md).
;
;   python packaging/render_icons.py build/icons
;   set READERAPP_ICONS=build\icons
;   pyinstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/readerapp.spec
;   iscc /DAppVersion=0.1.0 /DAppNumericVersion=0.1.0 packaging\windows\readerapp.iss
;
; Input: the PyInstaller bundle dist\readerapp\ and build\icons\readerapp.ico. Output:
; dist\readerapp-<version>-setup.exe. Paths are relative to the checkout, whatever the
; current folder. The installer asks whether to install for the current user (no
; administrator rights, the default) or for all users; /CURRENTUSER or /ALLUSERS answer it on
; the command line, e.g. for a silent install: readerapp-0.1.0-setup.exe /VERYSILENT /CURRENTUSER

; The version comes from the build (readerapp.__version__), never from this file.
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z /DAppNumericVersion=X.Y.Z readerapp.iss
#endif
; Windows version resources take numbers only: 0.2.0rc1 becomes 0.2.0 there.
#ifndef AppNumericVersion
  #define AppNumericVersion AppVersion
#endif

#define AppName "readerapp"
#define AppExe "readerapp.exe"
; SourcePath is this script's folder, with a trailing backslash.
#define Root SourcePath + "..\.."

[Setup]
; The id under which Windows lists the installation; never change it, or upgrades install a
; second copy beside the first.
AppId={{6B1F3A52-4C0E-4B7E-9D3A-2F6C9E1D7A40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=readerapp developers
AppPublisherURL=https://github.com/readerapp/readerapp
AppSupportURL=https://github.com/readerapp/readerapp/issues
VersionInfoVersion={#AppNumericVersion}
; Per-user by default: {autopf} is then %LOCALAPPDATA%\Programs and HKA is HKCU; the dialog
; offers all users (Program Files, HKLM) to an administrator.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; The bundle is 64-bit: install it as such, and refuse 32-bit Windows.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; Explorer refreshes its icons for .bib and .ris at the end of setup and of the uninstall.
ChangesAssociations=yes
; Asks to close a running readerapp (through the Restart Manager) before replacing its files.
CloseApplications=yes
SetupIconFile={#Root}\build\icons\readerapp.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir={#Root}\dist
OutputBaseFilename=readerapp-{#AppVersion}-setup

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "associate"; Description: "Offer readerapp in ""Open with"" for .bib and .ris files"; GroupDescription: "File types:"

[Files]
; The whole one-folder bundle: readerapp.exe (windowed), readerapp-cli.exe (the same program
; with a console, for the command line) and _internal\.
Source: "{#Root}\dist\readerapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Reading lists for research papers"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; A double-click on a .bib or .ris (or Open with > readerapp) runs readerapp --open FILE,
; which opens the window and imports the file. Windows 10 and later let only the user choose
; the default program: readerapp registers a ProgID per type and adds itself to the types'
; "Open with" list, without taking over a type another program owns. Uninstalling removes
; exactly these keys and values.
Root: HKA; Subkey: "Software\Classes\readerapp.bib"; ValueType: string; ValueName: ""; ValueData: "BibTeX bibliography"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\readerapp.bib\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\readerapp.bib\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --open ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.bib\OpenWithProgids"; ValueType: string; ValueName: "readerapp.bib"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\readerapp.ris"; ValueType: string; ValueName: ""; ValueData: "RIS bibliography"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\readerapp.ris\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\readerapp.ris\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --open ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.ris\OpenWithProgids"; ValueType: string; ValueName: "readerapp.ris"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
; The program itself, for "Open with" on any file type it declares.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".bib"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".ris"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" --open ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the library (%LOCALAPPDATA%\readerapp) and the window settings are the
; user's work and stay when the program is uninstalled.
