// The build's generated module (scripts/build-web.mjs): go.ohm compiled to an Ohm recipe.
declare module 'goesc:grammar-recipe' {
  const recipe: unknown;
  export default recipe;
}

// examples/*.go and examples/article/*.go, collected by the build.
declare module 'goesc:examples' {
  const examples: readonly { readonly id: string; readonly group: string; readonly title: string; readonly source: string }[];
  export default examples;
}
