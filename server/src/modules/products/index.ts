// The products module: 卷烟规格, the city company's product catalogue with prices per carton (条).
import type { KewoModule } from '../../platform/modules/kewo-module.ts';
import { productErrors } from './products.errors.ts';
import { productRoutes } from './products.routes.ts';

export {
  defaultPriceClass,
  ean13CheckDigit,
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

export const productsModule: KewoModule = { name: 'products', routes: [productRoutes], errors: productErrors };
