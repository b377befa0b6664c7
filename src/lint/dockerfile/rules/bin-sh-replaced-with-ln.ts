import check from '../../shell/checks/bin-sh-replaced-with-ln.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
