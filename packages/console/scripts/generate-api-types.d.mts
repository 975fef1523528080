export const schemaFile: string;
export function generateApiTypes(): Promise<string>;
