// The products module: 卷烟规格, the city company's product catalogue with prices per carton (条).

export { demoProductCatalogue, demoProductSeed } from './demo-products.ts';
export {
  defaultPriceClass,
  type PriceClass,
  priceClasses,
  priceClassFloorsFen,
  priceClassLabels,
} from './product.rules.ts';
export { getProductsByIds, insertProducts, type ProductView } from './products.repository.ts';
export { productRoutes } from './products.routes.ts';
export {
  type ProductInsert,
  type ProductRow,
  type ProductStatus,
  productStatuses,
  products,
} from './products.schema.ts';
