// Public entry: the react-hook-form binding. Placeholder until the exports land.
export {}
