namespace GenDb.Schema;

/// <summary>Tarjan's strongly connected components, iterative so a long chain of keys cannot overflow the stack.</summary>
internal static class Tarjan
{
    /// <summary>
    /// The components of the graph, each emitted only after every component it reaches: with
    /// edges pointing at what a node depends on, dependencies come first.
    /// </summary>
    public static List<List<T>> StronglyConnected<T>(IReadOnlyList<T> nodes, Func<T, IReadOnlyList<T>> successors)
        where T : notnull
    {
        var index = new Dictionary<T, int>();
        var lowLink = new Dictionary<T, int>();
        var onStack = new HashSet<T>();
        var stack = new Stack<T>();
        var result = new List<List<T>>();
        var next = 0;

        foreach (var root in nodes)
        {
            if (index.ContainsKey(root))
            {
                continue;
            }

            var work = new Stack<(T Node, int Successor)>();
            work.Push((root, 0));
            index[root] = lowLink[root] = next++;
            stack.Push(root);
            onStack.Add(root);

            while (work.Count > 0)
            {
                var (node, i) = work.Pop();
                var targets = successors(node);
                if (i < targets.Count)
                {
                    work.Push((node, i + 1));
                    var target = targets[i];
                    if (!index.ContainsKey(target))
                    {
                        index[target] = lowLink[target] = next++;
                        stack.Push(target);
                        onStack.Add(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        lowLink[node] = Math.Min(lowLink[node], index[target]);
                    }

                    continue;
                }

                if (lowLink[node] == index[node])
                {
                    var component = new List<T>();
                    T member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (!EqualityComparer<T>.Default.Equals(member, node));

                    component.Reverse();
                    result.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    lowLink[parent] = Math.Min(lowLink[parent], lowLink[node]);
                }
            }
        }

        return result;
    }
}
