// The panel's DOM code (filled in by the VS Code issue).
export {};
