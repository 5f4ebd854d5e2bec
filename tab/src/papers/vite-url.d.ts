// Vite turns `import x from 'file?url'` into the URL of the emitted file (the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}
