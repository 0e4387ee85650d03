/**
 * Constant folding of a binary operator, shared by the rules' and the codemod's literal evaluators
 * (`5 * 60 * 1000`). Undefined for an unknown operator or a non-finite result (division by zero).
 */
export function foldNumericOperator(operator: string, left: number, right: number): number | undefined {
  let value: number;
  switch (operator) {
    case "+":
      value = left + right;
      break;
    case "-":
      value = left - right;
      break;
    case "*":
      value = left * right;
      break;
    case "/":
      value = left / right;
      break;
    case "%":
      value = left % right;
      break;
    case "**":
      value = left ** right;
      break;
    default:
      return undefined;
  }
  return Number.isFinite(value) ? value : undefined;
}
